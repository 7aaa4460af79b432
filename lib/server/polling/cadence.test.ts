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

  it("ends the tail at once when the provider's end time lies a whole tail before the snapshot", () => {
    const fetchedAt = "2026-03-02T09:10:00.000Z";
    const endedAgo = (ms: number) => new Date(Date.parse(fetchedAt) - ms).toISOString();
    // Migma's tail: 2 polls 30 s apart.
    expect(isSettled("migma", 0, { completedAt: null, updatedAt: endedAgo(60_000), fetchedAt })).toBe(true);
    expect(isSettled("migma", 0, { completedAt: null, updatedAt: endedAgo(59_000), fetchedAt })).toBe(false);
    // completedAt wins over the last update; Mindo's tail is 10 minutes.
    expect(isSettled("mindo", 0, { completedAt: endedAgo(9 * 60_000), updatedAt: endedAgo(20 * 60_000), fetchedAt })).toBe(false);
    expect(isSettled("mindo", 1, { completedAt: endedAgo(11 * 60_000), updatedAt: null, fetchedAt })).toBe(true);
    // Without an end time, or before the batch is terminal, only the polls count.
    expect(isSettled("migma", 0, { completedAt: null, updatedAt: null, fetchedAt })).toBe(false);
    expect(isSettled("migma", null, { completedAt: endedAgo(3_600_000), updatedAt: null, fetchedAt })).toBe(false);
  });
});
