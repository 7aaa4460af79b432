import { describe, expect, it } from "vitest";
import { gapFigures, pollsUndelayed } from "./poll-gaps";

const every = (ms: number, count: number, from = 0) => Array.from({ length: count }, (_, i) => from + i * ms);

describe("pollsUndelayed", () => {
  it("passes the same cadence and jitter within the noise", () => {
    expect(pollsUndelayed(gapFigures(every(2_000, 10)), gapFigures(every(2_000, 10)))).toBe(true);
    expect(pollsUndelayed(gapFigures(every(2_000, 10)), gapFigures(every(2_150, 10)))).toBe(true);
  });

  it("fails polls slowed beyond the noise, in the middle or in the tail", () => {
    expect(pollsUndelayed(gapFigures(every(2_000, 10)), gapFigures(every(2_400, 10)))).toBe(false);
    const late = [...every(2_000, 8), 14_000 + 4_000, 18_000 + 4_000];
    expect(pollsUndelayed(gapFigures(every(2_000, 10)), gapFigures(late))).toBe(false);
  });

  it("fails a phase with too few polls to compare", () => {
    expect(pollsUndelayed(gapFigures(every(2_000, 10)), gapFigures(every(2_000, 3)))).toBe(false);
  });
});
