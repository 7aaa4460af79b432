import type { ApiErrorCode } from "@/lib/api-client";
import type { BatchFreshness } from "@/lib/batch-freshness";

export type WallFreshness = {
  stale: boolean;
  /** Sendboard itself could not be reached, rather than one provider lagging. */
  unreachable: boolean;
  /** The oldest moment the screen has been out of date since. */
  since: number | null;
  staleCount: number;
};

export function wallFreshness(
  batches: ReadonlyArray<Pick<BatchFreshness, "stale" | "since">>,
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
