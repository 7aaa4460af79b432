import { describe, expect, it } from "vitest";
import { pointsInRange, timeTicks, yDomain, type TickUnit } from "./progress-chart-view";

const at = (iso: string) => Date.parse(iso);
const label = (ms: number, unit: TickUnit) =>
  new Date(ms).toISOString().slice(11, unit === "second" ? 19 : 16);

describe("timeTicks", () => {
  it("gives a 3-minute span distinct labels, with seconds, never nine of the same minute", () => {
    const { ticks, unit } = timeTicks(at("2026-01-01T18:46:05Z"), at("2026-01-01T18:49:05Z"), 9);
    expect(unit).toBe("second");
    const labels = ticks.map((tick) => label(tick, unit));
    expect(new Set(labels).size).toBe(labels.length);
    expect(labels).toEqual([
      "18:46:30",
      "18:47:00",
      "18:47:30",
      "18:48:00",
      "18:48:30",
      "18:49:00",
    ]);
  });

  it("steps in round minutes and hours for longer spans, at most as many ticks as fit", () => {
    const hour = timeTicks(at("2026-01-01T10:03:00Z"), at("2026-01-01T11:03:00Z"), 6);
    expect(hour.unit).toBe("minute");
    expect(hour.ticks.map((tick) => label(tick, "minute"))).toEqual([
      "10:10",
      "10:20",
      "10:30",
      "10:40",
      "10:50",
      "11:00",
    ]);
    const day = timeTicks(at("2026-01-01T00:30:00Z"), at("2026-01-01T23:30:00Z"), 5);
    expect(day.ticks.map((tick) => label(tick, "minute"))).toEqual(["06:00", "12:00", "18:00"]);
    expect(timeTicks(0, 10 * 60_000, 3).ticks.length).toBeLessThanOrEqual(3);
  });

  it("still labels a short span on a narrow chart", () => {
    const { ticks } = timeTicks(at("2026-01-01T18:46:05Z"), at("2026-01-01T18:48:35Z"), 2);
    expect(ticks.map((tick) => label(tick, "minute"))).toEqual(["18:47", "18:48"]);
  });

  it("rounds to the viewer's local clock, not to UTC", () => {
    const halfPastOffset = 5.5 * 3_600_000;
    const { ticks } = timeTicks(
      at("2026-01-01T00:00:00Z"),
      at("2026-01-01T06:00:00Z"),
      4,
      halfPastOffset,
    );
    // 05:30–11:30 local (UTC+5:30) in 2-hour steps: whole local hours, not the half hours UTC's would be.
    expect(ticks.map((tick) => label(tick + halfPastOffset, "minute"))).toEqual([
      "06:00",
      "08:00",
      "10:00",
    ]);
  });
});

describe("pointsInRange", () => {
  const points = [0, 5, 20, 50, 58].map((minute, index) => ({
    at: minute * 60_000,
    processed: index * 10,
  }));

  it("keeps the last 15 minutes, starting at the count in force at the window's edge", () => {
    const window = pointsInRange(points, 15 * 60_000);
    expect(window.start).toBe(43 * 60_000);
    expect(window.points).toEqual([
      { at: 43 * 60_000, processed: 20 },
      { at: 50 * 60_000, processed: 30 },
      { at: 58 * 60_000, processed: 40 },
    ]);
  });

  it("keeps everything for all, or for a range longer than the history", () => {
    expect(pointsInRange(points, null).points).toEqual(points);
    expect(pointsInRange(points, 60 * 60_000)).toEqual({ points, start: 0, end: 58 * 60_000 });
  });
});

describe("yDomain", () => {
  const points = [
    { at: 0, processed: 1_200 },
    { at: 1, processed: 1_260 },
  ];

  it("runs from zero to the total, or fits the data with a little room", () => {
    expect(yDomain(points, 2_400, false)).toEqual([0, 2_400]);
    expect(yDomain(points, null, false)).toEqual([0, 1_260]);
    expect(yDomain(points, 2_400, true)).toEqual([1_194, 1_266]);
    expect(yDomain([{ at: 0, processed: 0 }], 10, true)).toEqual([0, 1]);
  });
});
