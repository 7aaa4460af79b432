import { percentile } from "./percentile";

/** The gaps between consecutive status calls, in ms. */
export function gapsOf(callTimes: readonly number[]): number[] {
  return callTimes.slice(1).map((at, index) => at - callTimes[index]!);
}

export type GapFigures = { calls: number; medianMs: number; p90Ms: number };

export function gapFigures(callTimes: readonly number[]): GapFigures {
  const gaps = gapsOf(callTimes);
  return { calls: callTimes.length, medianMs: percentile(gaps, 50), p90Ms: percentile(gaps, 90) };
}

/** What a call's time is known to within: the sampling step, on each side of a gap. */
export const GAP_NOISE_MS = 2 * 20;
/** Runs of one scheduler on a shared machine vary by this much without any cause. */
export const GAP_NOISE_RATIO = 0.1;

/**
 * "No increase beyond noise": with the panel open, the median gap between status polls and its
 * 90th percentile are each at most 10 % (plus the sampling step, twice) above the same figure
 * without it. At least three gaps in each phase, else there is nothing to compare.
 */
export function pollsUndelayed(without: GapFigures, withPanel: GapFigures): boolean {
  if (without.calls < 4 || withPanel.calls < 4) return false;
  const within = (before: number, after: number) => after <= before * (1 + GAP_NOISE_RATIO) + GAP_NOISE_MS;
  return within(without.medianMs, withPanel.medianMs) && within(without.p90Ms, withPanel.p90Ms);
}
