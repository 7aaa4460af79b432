import { describe, expect, it } from "vitest";
import { cadenceFor, isSettled, nextTailCount } from "./cadence";

describe("cadence", () => {
  it("polls running batches fast, waiting ones slower, terminal ones at the provider's tail pace", () => {
    expect(cadenceFor("migma", "running")).toBe(2_000);
    expect(["queued", "scheduled", "paused", "unknown"].map((state) => cadenceFor("bolna", state as "queued"))).toEqual([10_000, 10_000, 10_000, 10_000]);
    expect(cadenceFor("bolna", null)).toBe(10_000);
    expect(cadenceFor("mindo", "completed")).toBe(30_000);
    expect(cadenceFor("bolna", "partial")).toBe(20_000);
  });

  it("counts tail polls from the first terminal snapshot and restarts if the batch moves again", () => {
    let tail: number | null = null;
    tail = nextTailCount(tail, "running");
    expect(tail).toBeNull();
    tail = nextTailCount(tail, "completed");
    expect(tail).toBe(0);
    tail = nextTailCount(nextTailCount(tail, "completed"), "completed");
    expect(isSettled("migma", tail)).toBe(true);
    expect(isSettled("mindo", tail)).toBe(false);
    expect(nextTailCount(tail, "running")).toBeNull();
  });
});
