import { describe, expect, it } from "vitest";
import { shareBudget } from "./fair-share";

describe("shareBudget", () => {
  it("keeps every cadence when the budget covers them", () => {
    expect(shareBudget([2_000, 10_000], 60)).toEqual([
      { intervalMs: 2_000, limited: false },
      { intervalMs: 10_000, limited: false },
    ]);
  });

  it("splits a short budget equally among batches that all want more", () => {
    expect(shareBudget([2_000, 2_000, 2_000], 10)).toEqual(Array(3).fill({ intervalMs: 18_000, limited: true }));
  });

  it("lets slow batches keep their cadence and gives what they leave to the fast ones", () => {
    // 10 polls/min: the 30 s tail takes 2, the two running batches share the other 8.
    expect(shareBudget([2_000, 30_000, 2_000], 10)).toEqual([
      { intervalMs: 15_000, limited: true },
      { intervalMs: 30_000, limited: false },
      { intervalMs: 15_000, limited: true },
    ]);
  });

  it("never hands out more polls than the budget", () => {
    const cadences = [2_000, 10_000, 20_000, 30_000, 2_000, 10_000, 2_000];
    const perMinute = 7;
    const used = shareBudget(cadences, perMinute).reduce((sum, share) => sum + 60_000 / share.intervalMs, 0);
    expect(used).toBeLessThanOrEqual(perMinute);
    expect(used).toBeGreaterThan(perMinute * 0.99);
  });
});
