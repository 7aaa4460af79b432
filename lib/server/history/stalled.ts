import "server-only";
import type { BatchSnapshot } from "@/lib/batch-snapshot";
import { trailingRunStart, type HistoryPoint } from "./history-point";

export const STALLED_MIN_POLLS = 4;
export const STALLED_MIN_SPAN_MS = 60_000;

type Latest = Pick<BatchSnapshot, "state" | "processed" | "progress" | "stale">;

/**
 * Items are still pending and sending should be moving. A queued batch counts only once it has
 * processed something: waiting in the provider's queue before the start is normal, not a stall.
 */
function shouldBeMoving(latest: Latest): boolean {
  const pending = latest.progress === null || latest.progress < 1;
  if (latest.state === "running") return pending;
  return latest.state === "queued" && latest.processed > 0 && pending;
}

/**
 * Stalled: the counters (processed and every status count) are unchanged across at least
 * STALLED_MIN_POLLS fresh polls spanning STALLED_MIN_SPAN_MS while items are pending. Stale
 * (our data is old) is the opposite case and never counts as stalled.
 */
export function isStalled(series: HistoryPoint[], latest: Latest, unchangedPolls: number): boolean {
  if (latest.stale || !shouldBeMoving(latest) || unchangedPolls < STALLED_MIN_POLLS) return false;
  const end = series.at(-1);
  const since = trailingRunStart(series, (a, b) => a.counters === b.counters);
  return end !== undefined && since !== undefined && end.at - since.at >= STALLED_MIN_SPAN_MS;
}
