import type { UseQueryResult } from "@tanstack/react-query";
import { STALE_AFTER_MISSED_POLLS } from "@/config/polling";
import { errorCodeOf } from "@/lib/api-client";
import type { BatchView } from "@/lib/batch-view";
import { parseTimestamp } from "@/lib/format";
import { nextBatchPoll } from "@/lib/queries/batch";

// The one rule for "are the numbers on screen stale", shared by the batch page, the watched list,
// the board and the wall. Age is measured against the pace the server announces in `polling`
// (its scheduler may ask the provider only every 24 s when a budget is shared), the same pace the
// query polls at, so a view never calls numbers stale that are not even due yet.

/** What a batch query holds, as far as freshness goes; a TanStack query result has all of it. */
export type BatchQueryState = Pick<UseQueryResult<BatchView>, "data" | "dataUpdatedAt" | "error">;

/** Sendboard is unreachable, answers stopped arriving, or the server sent a cached copy. */
export type StaleCause = "unreachable" | "late" | "cached";

export type BatchFreshness =
  | { stale: false; since: null; cause: null }
  | { stale: true; since: number; cause: StaleCause };

const FRESH: BatchFreshness = { stale: false, since: null, cause: null };

/** Numbers are late once this many polls at the announced pace brought no answer; never once final. */
export function lateAfterMs(view: BatchView): number | null {
  const pace = nextBatchPoll(view, null);
  return pace === false ? null : pace * STALE_AFTER_MISSED_POLLS;
}

/** The freshness of one batch query's numbers at `now`; nothing on screen yet means nothing to dim. */
export function batchFreshness(query: BatchQueryState | undefined, now: number): BatchFreshness {
  const view = query?.data;
  if (!query || !view) return FRESH;
  const receivedAt = query.dataUpdatedAt;
  if (errorCodeOf(query.error) === "network_error") {
    return { stale: true, since: receivedAt, cause: "unreachable" };
  }
  const lateAfter = lateAfterMs(view);
  const late = lateAfter !== null && now - receivedAt > lateAfter;
  // A cached copy is as old as the server's last good fetch, which is older than its arrival.
  const since = view.stale ? (parseTimestamp(view.fetchedAt) ?? receivedAt) : receivedAt;
  if (late) return { stale: true, since, cause: "late" };
  if (view.stale) return { stale: true, since, cause: "cached" };
  return FRESH;
}
