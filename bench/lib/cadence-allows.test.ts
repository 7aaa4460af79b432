import { describe, expect, it } from "vitest";
import { cadenceAllows } from "./cadence-allows";

describe("cadenceAllows", () => {
  it("counts the first call and one per interval up to the end", () => {
    expect(cadenceAllows([{ at: 100, intervalMs: 2_000 }], 0, 10_000)).toBe(6);
    expect(cadenceAllows([{ at: 100, intervalMs: 2_000 }], 1, 10_000)).toBe(5);
  });

  it("follows an interval that lengthens, from the answer that reports it", () => {
    const seen = [
      { at: 0, intervalMs: 2_000 },
      { at: 5_000, intervalMs: 2_000 },
      { at: 5_100, intervalMs: 30_000 },
    ];
    // Calls at 0, 2, 4; the 6 s call would need 2 s but 30 s is in force from 5.1 s.
    expect(cadenceAllows(seen, 0, 20_000)).toBe(3);
  });

  it("assumes a shorter interval took effect as early as it could have", () => {
    const seen = [
      { at: 0, intervalMs: 12_000 },
      { at: 9_000, intervalMs: 12_000 },
      { at: 10_000, intervalMs: 7_500 },
    ];
    // Between 9 s and 10 s the change may already have happened: 0, then 9 s (7.5 s had passed).
    expect(cadenceAllows(seen, 0, 12_000)).toBe(2);
  });

  it("allows nothing without an answer, and one call when it came at the very end", () => {
    expect(cadenceAllows([], 0, 10_000)).toBe(0);
    expect(cadenceAllows([{ at: 0, intervalMs: 2_000 }], 10_000, 10_000)).toBe(1);
  });
});
