import { describe, expect, it } from "vitest";
import { lastMoveAt, toChartPoints } from "./history-chart-points";

const at = (minute: number) => new Date(Date.UTC(2026, 2, 1, 12, minute)).toISOString();
const ms = (minute: number) => Date.UTC(2026, 2, 1, 12, minute);
const point = (minute: number, processed: number) => ({
  at: at(minute),
  processed,
  total: 100,
  state: "running" as const,
  progress: processed / 100,
});

describe("toChartPoints", () => {
  it("closes the stored changes with the live snapshot when it is newer", () => {
    expect(toChartPoints([point(0, 0), point(1, 10)], { fetchedAt: at(5), processed: 10 })).toEqual(
      [
        { at: ms(0), processed: 0 },
        { at: ms(1), processed: 10 },
        { at: ms(5), processed: 10 },
      ],
    );
    expect(
      toChartPoints([point(0, 0), point(1, 10)], { fetchedAt: at(1), processed: 10 }),
    ).toHaveLength(2);
    expect(toChartPoints([], { fetchedAt: at(1), processed: 3 })).toEqual([
      { at: ms(1), processed: 3 },
    ]);
  });
});

describe("lastMoveAt", () => {
  it("is when the count reached its current value", () => {
    expect(
      lastMoveAt([
        { at: 1, processed: 0 },
        { at: 2, processed: 5 },
        { at: 3, processed: 5 },
        { at: 9, processed: 5 },
      ]),
    ).toBe(2);
    expect(lastMoveAt([{ at: 4, processed: 5 }])).toBe(4);
    expect(lastMoveAt([])).toBeNull();
  });
});
