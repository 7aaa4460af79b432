import type { UseQueryResult } from "@tanstack/react-query";
import { STALE_AFTER_MISSED_POLLS } from "@/config/polling";
import { errorCodeOf } from "@/lib/api-client";
import type { BatchView } from "@/lib/batch-view";
import { toLocalTime } from "@/lib/clock-offset";
import { parseTimestamp } from "@/lib/format";
import { nextBatchPoll } from "@/lib/queries/batch";

// The one rule for "are the numbers on screen stale", shared by the batch page, the watched list,
// the board and the wall. It ages the provider's numbers (the snapshot's fetchedAt), the same
// moment every "Updated …" shows, so the two can never disagree; and it measures that age against
// the pace the server announces in `polling` (its scheduler may ask the provider only every 24 s
// when a budget is shared), so a view never calls numbers stale that are not even due yet.

/** What a batch query holds, as far as freshness goes; a TanStack query result has all of it. */
export type BatchQueryState = Pick<UseQueryResult<BatchView>, "data" | "dataUpdatedAt" | "error">;

/** Sendboard is unreachable, answers stopped bringing newer numbers, or the server sent a cached copy. */
export type StaleCause = "unreachable" | "late" | "cached";

export type BatchFreshness =
  | { stale: false; since: null; cause: null }
  | { stale: true; since: number; cause: StaleCause };

const FRESH: BatchFreshness = { stale: false, since: null, cause: null };

/** When the provider's numbers were fetched, on this browser's clock: what "Updated …" ages. */
export function numbersUpdatedAt(view: Pick<BatchView, "fetchedAt">): number | null {
  const fetchedAt = parseTimestamp(view.fetchedAt);
  return fetchedAt === null ? null : toLocalTime(fetchedAt);
}

/**
 * Numbers may be one interval old when they arrive (the server fetched them at its pace), so they
 * are late once STALE_AFTER_MISSED_POLLS more intervals brought none newer; never once final.
 */
export function lateAfterMs(view: BatchView): number | null {
  const pace = nextBatchPoll(view, null);
  // A quicker viewer pace (a live webhook) asks more often, but the numbers still move at the
  // scheduler's interval between pushed changes: late is measured against that.
  const cadence = view.polling?.viewerPaceMs === undefined ? 0 : view.polling.intervalMs;
  return pace === false ? null : Math.max(pace, cadence) * (STALE_AFTER_MISSED_POLLS + 1);
}

/** The freshness of one batch query's numbers at `now`; nothing on screen yet means nothing to dim. */
export function batchFreshness(query: BatchQueryState | undefined, now: number): BatchFreshness {
  const view = query?.data;
  if (!query || !view) return FRESH;
  const since = numbersUpdatedAt(view) ?? query.dataUpdatedAt;
  if (errorCodeOf(query.error) === "network_error") return { stale: true, since, cause: "unreachable" };
  const lateAfter = lateAfterMs(view);
  const answersStopped = lateAfter !== null && now - query.dataUpdatedAt > lateAfter;
  // The server knows why its numbers are old (the provider failed), unless it stopped answering too.
  if (view.stale && !answersStopped) return { stale: true, since, cause: "cached" };
  if (lateAfter !== null && now - since > lateAfter) return { stale: true, since, cause: "late" };
  if (view.stale) return { stale: true, since, cause: "cached" };
  return FRESH;
}
