import { useEffect, useSyncExternalStore } from "react";
import type { BoardSnapshotState } from "@/lib/board-snapshot-cards";
import type { HistoryPoint, HistoryStore } from "@/lib/wall/history-store";

const NONE: readonly HistoryPoint[] = [];

/** Feeds every board snapshot this screen receives into the store, one series per board batch; a batch that left the board takes its series with it. */
export function useRecordSnapshotHistory(store: HistoryStore, state: BoardSnapshotState | undefined): void {
  useEffect(() => {
    if (!state) return;
    for (const card of state.cards) {
      if (card.view) store.record(card.batch.id, { at: card.receivedAt, value: card.view.processed });
    }
    store.retainOnly(new Set(state.cards.map((card) => card.batch.id)));
  }, [store, state]);
}

export function useBatchHistory(store: HistoryStore, key: string): readonly HistoryPoint[] {
  return useSyncExternalStore(
    store.subscribe,
    () => store.get(key),
    () => NONE,
  );
}
