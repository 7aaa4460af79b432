import "server-only";
import { isTerminalState, type BatchSnapshot } from "@/lib/batch-snapshot";
import type { BatchInsights } from "@/lib/batch-view";

/** With only one measured rate, the range is this much either side of it. */
export const SINGLE_RATE_SPREAD = 0.25;

type Latest = Pick<BatchSnapshot, "state" | "processed" | "total">;

/**
 * Seconds left from measured throughput: the faster rate gives the low end, the slower the high
 * end; equal rates, or only one, give ±25 %. Null without a total, once finished, while paused
 * or scheduled, and when the batch is not moving right now (a recent rate of 0): an old average
 * would promise an end that is not coming.
 */
export function etaRangeOf(
  latest: Latest,
  recent: number | null,
  average: number | null,
): BatchInsights["etaRange"] {
  if (latest.total === null || isTerminalState(latest.state)) return null;
  if (latest.state === "paused" || latest.state === "scheduled" || recent === 0) return null;
  const remaining = latest.total - latest.processed;
  if (remaining <= 0) return null;
  // Equal rates are one measurement (a history shorter than the recent window): no spread to read.
  const rates = [...new Set([recent, average])].filter(
    (rate): rate is number => rate !== null && Number.isFinite(rate) && rate > 0,
  );
  if (rates.length === 0) return null;
  const secondsAt = (perMinute: number) => (remaining / perMinute) * 60;
  if (rates.length === 1) {
    const seconds = secondsAt(rates[0]!);
    return {
      lowSeconds: Math.round(seconds * (1 - SINGLE_RATE_SPREAD)),
      highSeconds: Math.round(seconds * (1 + SINGLE_RATE_SPREAD)),
    };
  }
  return {
    lowSeconds: Math.round(secondsAt(Math.max(...rates))),
    highSeconds: Math.round(secondsAt(Math.min(...rates))),
  };
}
