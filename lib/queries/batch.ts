import { queryOptions } from "@tanstack/react-query";
import {
  ERROR_RETRY_MS,
  RUNNING_POLL_MS,
  STALE_AFTER_MISSED_POLLS,
  WAITING_POLL_MS,
} from "@/config/polling";
import { isApiError, requestJson } from "@/lib/api-client";
import { batchSnapshotSchema, isTerminalState } from "@/lib/batch-snapshot";
import type { BatchSnapshot, BatchState } from "@/lib/batch-snapshot";
import type { ProviderId } from "@/lib/providers/provider-id";

export function batchApiPath(provider: ProviderId, batchId: string): string {
  return `/api/batches/${encodeURIComponent(provider)}/${encodeURIComponent(batchId)}`;
}

/** How often to ask again while the batch is in `state`; false once it can no longer change. */
export function pollIntervalForState(state: BatchState): number | false {
  if (isTerminalState(state)) return false;
  return state === "running" ? RUNNING_POLL_MS : WAITING_POLL_MS;
}

/** Age after which shown data counts as stale, or null when it is final and cannot go stale. */
export function staleAfterMs(state: BatchState): number | null {
  const interval = pollIntervalForState(state);
  return interval === false ? null : interval * STALE_AFTER_MISSED_POLLS;
}

export function nextBatchPoll(data: BatchSnapshot | undefined, error: unknown): number | false {
  if (error) {
    // A malformed id or provider will never become valid; everything else may recover by itself.
    if (isApiError(error, "invalid_batch_id", "invalid_provider", "bad_request")) return false;
    if (isApiError(error, "not_found", "not_configured")) return WAITING_POLL_MS;
    return ERROR_RETRY_MS;
  }
  return data ? pollIntervalForState(data.state) : WAITING_POLL_MS;
}

export function batchQueryOptions(provider: ProviderId, batchId: string) {
  return queryOptions({
    queryKey: ["batch", { provider, batchId }] as const,
    queryFn: ({ signal }) =>
      requestJson(batchApiPath(provider, batchId), batchSnapshotSchema, { signal }),
    refetchInterval: (query) =>
      nextBatchPoll(query.state.data, query.state.status === "error" ? query.state.error : null),
    staleTime: (query) =>
      query.state.data && isTerminalState(query.state.data.state) ? Infinity : 0,
    // Failures show at once as a banner; the interval above is the retry.
    retry: false,
  });
}
