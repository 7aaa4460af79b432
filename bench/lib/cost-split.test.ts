import { describe, expect, it } from "vitest";
import { splitCost } from "./cost-split";

describe("splitCost", () => {
  it("recovers a read's and a call's CPU from a busy and a quiet window of the same calls", () => {
    // 2 ms a read, 5 ms a call, 50 calls a second; 300 reads a second busy, 100 quiet.
    const cpu = (reads: number, calls: number) => (reads * 2 + calls * 5) / 1_000;
    const busy = { seconds: 20, calls: 1_000, reads: 6_000, cpuSeconds: cpu(6_000, 1_000) };
    const quiet = { seconds: 10, calls: 500, reads: 1_000, cpuSeconds: cpu(1_000, 500) };
    const split = splitCost(busy, quiet);
    expect(split.perReadMs).toBeCloseTo(2, 6);
    expect(split.perCallMs).toBeCloseTo(5, 6);
  });

  it("says n/a rather than dividing by nothing", () => {
    const window = { seconds: 10, calls: 0, reads: 100, cpuSeconds: 1 };
    const split = splitCost(window, window);
    expect(split.perReadMs).toBeNaN();
    expect(split.perCallMs).toBeNaN();
  });
});
