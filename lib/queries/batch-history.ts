import { queryOptions } from "@tanstack/react-query";
import { HISTORY_POLL_MS } from "@/config/polling";
import { requestJson } from "@/lib/api-client";
import { batchHistorySchema } from "@/lib/batch-history";
import type { BatchView } from "@/lib/batch-view";
import type { ProviderId } from "@/lib/providers/provider-id";

export type BatchHistoryScope = { connectionId?: string };

export function batchHistoryPath(
  provider: ProviderId,
  batchId: string,
  format: "json" | "csv",
  { connectionId }: BatchHistoryScope = {},
): string {
  const file = format === "csv" ? "history.csv" : "history";
  const path = `/api/batches/${encodeURIComponent(provider)}/${encodeURIComponent(batchId)}/${file}`;
  return connectionId ? `${path}?${new URLSearchParams({ connection: connectionId })}` : path;
}

/** In step with the scheduler, never faster than HISTORY_POLL_MS; stopped once the batch is final. */
export function historyPollInterval(view: BatchView): number | false {
  if (view.polling?.final) return false;
  return Math.max(HISTORY_POLL_MS, view.polling?.intervalMs ?? 0);
}

/**
 * The chart's points. `final` is part of the key, so the batch turning final fetches the
 * settled history once more and then never again.
 */
export function batchHistoryQueryOptions(provider: ProviderId, batchId: string, view: BatchView) {
  const connectionId = view.polling?.connectionId;
  const final = view.polling?.final ?? false;
  return queryOptions({
    queryKey: ["batch-history", { provider, batchId, connectionId, final }] as const,
    queryFn: ({ signal }) =>
      requestJson(
        batchHistoryPath(provider, batchId, "json", { connectionId }),
        batchHistorySchema,
        {
          signal,
        },
      ),
    refetchInterval: historyPollInterval(view),
    staleTime: final ? Infinity : 0,
    // The chart keeps its line while the settled history loads under the new key.
    placeholderData: (previous) => previous,
    retry: false,
  });
}
