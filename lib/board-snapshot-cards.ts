import type { FiringAlert } from "./alerts";
import { apiErrorOf, type ApiError } from "./api-client";
import type { BatchQueryState } from "./batch-freshness";
import type { BoardSnapshot } from "./board-snapshot";
import type { BatchView } from "./batch-view";
import type { SharedBatch, SharedView } from "./share-link";

// What a screen keeps of the board snapshots it polls: one card per batch, each with its own view,
// error and the time its view was last heard, so a card's freshness and error stay its own.

export type SnapshotCard = {
  batch: SharedBatch;
  view: BatchView | undefined;
  error: ApiError | null;
  /** When the server last answered with (or confirmed) this view. */
  receivedAt: number;
  /** Alerts firing on the batch, as the last answer said. */
  alerts: FiringAlert[];
};

export type BoardSnapshotState = {
  etag: string | null;
  shown: SharedView;
  pace: BoardSnapshot["pace"];
  cards: SnapshotCard[];
};

/**
 * A new answer. A batch whose part is an error keeps the view it had, with the time it was heard,
 * exactly as a query of its own kept its data on error; one still waiting for its first answer
 * keeps its view too.
 */
export function receiveSnapshot(
  previous: BoardSnapshotState | undefined,
  snapshot: BoardSnapshot,
  etag: string | null,
  now: number,
): BoardSnapshotState {
  const before = new Map(previous?.cards.map((card) => [card.batch.id, card]));
  const cards = snapshot.batches.map(({ view, error, alerts = [], ...batch }): SnapshotCard => {
    if (view) return { batch, view, error: null, receivedAt: now, alerts };
    const kept = before.get(batch.id);
    return { batch, view: kept?.view, error: error ? apiErrorOf(error) : null, receivedAt: kept?.receivedAt ?? now, alerts };
  });
  const { kind, name, expiresAt, pace } = snapshot;
  return { etag, shown: { kind, name, expiresAt, batches: cards.map((card) => card.batch) }, pace, cards };
}

/** 304: what the screen holds is what the server holds now, so every view that came with no error was heard again. */
export function confirmSnapshot(previous: BoardSnapshotState, now: number): BoardSnapshotState {
  return {
    ...previous,
    cards: previous.cards.map((card) => (card.view && !card.error ? { ...card, receivedAt: now } : card)),
  };
}

/** One card as the freshness rule reads a query: the snapshot request's own failure reaches every card. */
export function cardQueryState(card: SnapshotCard | undefined, requestError: Error | null): BatchQueryState {
  return { data: card?.view, dataUpdatedAt: card?.receivedAt ?? 0, error: card?.error ?? requestError ?? null };
}
