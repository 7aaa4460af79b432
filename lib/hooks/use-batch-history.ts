import { useQueryClient } from "@tanstack/react-query";
import { useEffect, useSyncExternalStore } from "react";
import type { BatchSnapshot } from "@/lib/batch-snapshot";
import type { HistoryPoint, HistoryStore } from "@/lib/wall/history-store";

const NONE: readonly HistoryPoint[] = [];

function isSnapshot(data: unknown): data is Pick<BatchSnapshot, "processed"> {
  return (
    typeof data === "object" &&
    data !== null &&
    typeof (data as { processed?: unknown }).processed === "number"
  );
}

/** Feeds every successful batch poll of this client into the store; a query's history goes with it. */
export function useRecordBatchHistory(store: HistoryStore): void {
  const client = useQueryClient();
  useEffect(
    () =>
      client.getQueryCache().subscribe((event) => {
        const { query } = event;
        if (query.queryKey[0] !== "batch") return;
        if (event.type === "removed") return store.forget(query.queryHash);
        if (event.type !== "updated" || event.action.type !== "success") return;
        const data: unknown = query.state.data;
        if (isSnapshot(data))
          store.record(query.queryHash, { at: query.state.dataUpdatedAt, value: data.processed });
      }),
    [client, store],
  );
}

export function useBatchHistory(store: HistoryStore, queryHash: string): readonly HistoryPoint[] {
  return useSyncExternalStore(
    store.subscribe,
    () => store.get(queryHash),
    () => NONE,
  );
}
