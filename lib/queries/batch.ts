import { queryOptions } from "@tanstack/react-query";
import { ERROR_RETRY_MS, RUNNING_POLL_MS, STALE_RETRY_MS, WAITING_POLL_MS } from "@/config/polling";
import { isApiError } from "@/lib/api-client";
import { isTerminalState } from "@/lib/batch-snapshot";
import type { BatchState } from "@/lib/batch-snapshot";
import { batchViewSchema, type BatchView } from "@/lib/batch-view";
import type { ProviderId } from "@/lib/providers/provider-id";
import { fetchIfChanged, shareKeepingEtag } from "./if-changed";

/** Which connection's key to use, and the share token when a public link is asking. */
export type BatchQueryScope = { share?: string; connectionId?: string };

export function batchApiPath(
  provider: ProviderId,
  batchId: string,
  scope: BatchQueryScope = {},
): string {
  const path = `/api/batches/${encodeURIComponent(provider)}/${encodeURIComponent(batchId)}`;
  const query = new URLSearchParams();
  if (scope.connectionId) query.set("connection", scope.connectionId);
  if (scope.share) query.set("share", scope.share);
  const search = query.toString();
  return search ? `${path}?${search}` : path;
}

/** How often to ask again while the batch is in `state`; false once it can no longer change. */
export function pollIntervalForState(state: BatchState): number | false {
  if (isTerminalState(state)) return false;
  return state === "running" ? RUNNING_POLL_MS : WAITING_POLL_MS;
}

/**
 * The server's poll scheduler says how often it asks the provider; asking our server faster
 * would only return the same snapshot. Final batches will not change, so polling stops.
 */
function serverPace(view: BatchView): number | false | null {
  if (!view.polling) return null;
  if (view.polling.final) return false;
  const pace = Math.max(1_000, view.polling.viewerPaceMs ?? view.polling.intervalMs);
  return view.stale ? Math.min(pace, STALE_RETRY_MS) : pace;
}

export function nextBatchPoll(data: BatchView | undefined, error: unknown): number | false {
  if (error) {
    // A malformed id or provider will never become valid; everything else may recover by itself.
    if (isApiError(error, "invalid_batch_id", "invalid_provider", "bad_request")) return false;
    // A dead share link or a batch outside its scope will not come back by asking again.
    if (isApiError(error, "share_link_revoked", "share_link_expired", "forbidden")) return false;
    if (isApiError(error, "not_found", "not_configured")) return WAITING_POLL_MS;
    return ERROR_RETRY_MS;
  }
  if (!data) return WAITING_POLL_MS;
  return serverPace(data) ?? pollIntervalForState(data.state);
}

function batchKeyParams(provider: ProviderId, batchId: string, scope: BatchQueryScope) {
  return {
    provider,
    batchId,
    ...(scope.connectionId ? { connectionId: scope.connectionId } : {}),
    ...(scope.share ? { share: scope.share } : {}),
  };
}

export function batchQueryOptions(
  provider: ProviderId,
  batchId: string,
  scope: BatchQueryScope = {},
) {
  return queryOptions({
    queryKey: ["batch", batchKeyParams(provider, batchId, scope)] as const,
    queryFn: ({ signal, client, queryKey }) =>
      fetchIfChanged(batchApiPath(provider, batchId, scope), batchViewSchema, client.getQueryData(queryKey), signal),
    structuralSharing: shareKeepingEtag,
    refetchInterval: (query) =>
      nextBatchPoll(query.state.data, query.state.status === "error" ? query.state.error : null),
    staleTime: (query) => (query.state.data?.polling?.final ? Infinity : 0),
    // Failures show at once as a banner; the interval above is the retry.
    retry: false,
  });
}
