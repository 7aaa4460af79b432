import type { UseQueryResult } from "@tanstack/react-query";
import { ApiError } from "@/lib/api-client";
import type { BatchView } from "@/lib/batch-view";
import { nextBatchPoll } from "@/lib/queries/batch";
import { batchFreshness } from "./freshness";
import type { BatchFreshness } from "./freshness";

export function errorCodeOf(error: unknown) {
  return error instanceof ApiError ? error.code : null;
}

/** The freshness of one batch query's numbers at `now`. */
export function queryFreshness(
  result: UseQueryResult<BatchView> | undefined,
  now: number,
): BatchFreshness {
  const data = result?.data;
  return batchFreshness(
    {
      hasData: data !== undefined,
      // The pace the numbers are due at, the server's scheduler included.
      pollMs: data ? nextBatchPoll(data, null) : false,
      dataUpdatedAt: result?.dataUpdatedAt ?? 0,
      serverStale: data?.stale ?? false,
      fetchedAt: data?.fetchedAt ?? null,
      errorCode: errorCodeOf(result?.error),
    },
    now,
  );
}
