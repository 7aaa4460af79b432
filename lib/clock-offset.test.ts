import { describe, expect, it } from "vitest";
import { noteServerDate, serverClockOffsetMs, toLocalTime } from "./clock-offset";

const httpDate = (ms: number) => new Date(ms).toUTCString();

describe("clock offset from Date headers", () => {
  it("ignores gaps within the header's one-second resolution and unreadable headers", () => {
    const now = Date.parse("2026-03-02T09:00:00.400Z");
    noteServerDate(httpDate(now), now);
    noteServerDate("not a date", now);
    noteServerDate(null, now);
    expect(serverClockOffsetMs()).toBe(0);
    expect(toLocalTime(now)).toBe(now);
  });

  it("puts server timestamps on a browser clock that runs two minutes slow, from the median answer", () => {
    const browser = Date.parse("2026-03-02T09:00:00.000Z");
    const server = browser + 120_000;
    for (const [index, late] of [0, 300, 40_000, 200, 100].entries()) {
      // One answer sat in a queue for 40 s: the median ignores it.
      noteServerDate(httpDate(server + index * 1_000), browser + index * 1_000 + late);
    }
    expect(Math.abs(serverClockOffsetMs() - 120_000)).toBeLessThanOrEqual(1_000);
    expect(Math.abs(toLocalTime(server) - browser)).toBeLessThanOrEqual(1_000);
  });
});
