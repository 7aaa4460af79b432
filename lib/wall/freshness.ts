import { STALE_AFTER_MISSED_POLLS } from "@/config/polling";
import type { ApiErrorCode } from "@/lib/api-client";
import { parseTimestamp } from "@/lib/format";

export type BatchFreshnessInput = {
  /** Numbers are on screen (none arrived yet means nothing to dim). */
  hasData: boolean;
  /** How often new numbers are due, or false once the batch is final and cannot change. */
  pollMs: number | false;
  dataUpdatedAt: number;
  /** The server said it served a cached copy because the provider failed. */
  serverStale: boolean;
  fetchedAt: string | null;
  errorCode: ApiErrorCode | null;
};

export type BatchFreshness = { stale: boolean; since: number | null };

/** Numbers on screen are stale when they stopped arriving, the server is unreachable, or the server says so. */
export function batchFreshness(input: BatchFreshnessInput, now: number): BatchFreshness {
  if (!input.hasData) return { stale: false, since: null };
  if (input.errorCode === "network_error") return { stale: true, since: input.dataUpdatedAt };
  if (input.serverStale)
    return { stale: true, since: parseTimestamp(input.fetchedAt) ?? input.dataUpdatedAt };
  if (
    input.pollMs !== false &&
    now - input.dataUpdatedAt > input.pollMs * STALE_AFTER_MISSED_POLLS
  ) {
    return { stale: true, since: input.dataUpdatedAt };
  }
  return { stale: false, since: null };
}

export type WallFreshness = {
  stale: boolean;
  /** Sendboard itself could not be reached, rather than one provider lagging. */
  unreachable: boolean;
  /** The oldest moment the screen has been out of date since. */
  since: number | null;
  staleCount: number;
};

export function wallFreshness(
  batches: readonly BatchFreshness[],
  descriptor: { dataUpdatedAt: number; errorCode: ApiErrorCode | null },
  batchErrors: ReadonlyArray<ApiErrorCode | null>,
): WallFreshness {
  const unreachable =
    descriptor.errorCode === "network_error" || batchErrors.includes("network_error");
  const sinces = batches.flatMap((batch) =>
    batch.stale && batch.since !== null ? [batch.since] : [],
  );
  if (descriptor.errorCode === "network_error") sinces.push(descriptor.dataUpdatedAt);
  const staleCount = batches.filter((batch) => batch.stale).length;
  return {
    stale: unreachable || staleCount > 0,
    unreachable,
    since: sinces.length > 0 ? Math.min(...sinces) : null,
    staleCount,
  };
}
