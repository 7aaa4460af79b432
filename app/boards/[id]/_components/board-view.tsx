"use client";

import { useMutation, useQuery } from "@tanstack/react-query";
import { AddBatchForm } from "@/components/batch/add-batch-form";
import { BatchCard } from "@/components/board/batch-card";
import { SummaryStrip } from "@/components/board/summary-strip";
import { Notice } from "@/components/ui/notice";
import { batchFreshness } from "@/lib/batch-freshness";
import { batchDisplayName } from "@/lib/batch-name";
import { cardQueryState } from "@/lib/board-snapshot-cards";
import { batchPagePath } from "@/lib/batch-page-path";
import type { Board } from "@/lib/board";
import { summarizeBoard } from "@/lib/board-summary";
import { useNow } from "@/lib/hooks/use-now";
import { boardSnapshotQueryOptions } from "@/lib/queries/board-snapshot";
import {
  addBoardBatchOptions,
  boardQueryOptions,
  removeBoardBatchOptions,
  reorderBoardBatchesOptions,
} from "@/lib/queries/boards";
import { AutoWatchPanel } from "./auto-watch-panel";
import { BoardCardActions } from "./board-card-actions";
import { BoardHeading } from "./board-heading";
import { ShareLinksPanel } from "./share-links-panel";

/**
 * The one poller of a board page: the board snapshot, every card's numbers in one request.
 * The board itself is what this page's own edits last answered, or the snapshot when that is
 * newer (someone else's edits). Children only display.
 */
export function BoardView({ initial, canManageAutoWatch }: { initial: Board; canManageAutoWatch: boolean }) {
  const boardQuery = useQuery({ ...boardQueryOptions(initial.id), initialData: initial });
  const snapshotQuery = useQuery(boardSnapshotQueryOptions({ kind: "board", boardId: initial.id }));
  const shown =
    snapshotQuery.data && snapshotQuery.dataUpdatedAt > boardQuery.dataUpdatedAt
      ? snapshotQuery.data.shown
      : boardQuery.data;
  const board = { ...boardQuery.data, name: shown.name };
  const cards = new Map(snapshotQuery.data?.cards.map((card) => [card.batch.id, card]));
  const batches = shown.batches.map((batch) => ({
    batch,
    state: cardQueryState(cards.get(batch.id), snapshotQuery.error),
    alerts: cards.get(batch.id)?.alerts ?? [],
  }));
  const remove = useMutation(removeBoardBatchOptions(board.id));
  const reorder = useMutation(reorderBoardBatchesOptions(board.id));
  const now = useNow();
  const ids = batches.map(({ batch }) => batch.id);

  function move(index: number, by: -1 | 1) {
    const next = [...ids];
    const [moved] = next.splice(index, 1);
    if (moved === undefined) return;
    next.splice(index + by, 0, moved);
    reorder.mutate(next);
  }

  return (
    <div className="space-y-6 sm:space-y-8" data-testid="board-page">
      <BoardHeading board={board} />
      {snapshotQuery.isError && (
        <Notice tone="warning" title="Could not refresh the board" data-testid="board-error">
          {snapshotQuery.error.message} Showing the last version received.
        </Notice>
      )}
      <SummaryStrip summary={summarizeBoard(batches.map(({ state }) => state.data))} />
      {(remove.isError || reorder.isError) && (
        <p role="alert" className="text-sm text-notice-warning">
          {(remove.error ?? reorder.error)?.message}
        </p>
      )}
      {batches.length === 0 ? (
        <p
          className="rounded-xl border border-dashed border-line p-6 text-muted"
          data-testid="board-empty"
        >
          No batches on this board yet. Add one below, or from any batch page.
        </p>
      ) : (
        <ul
          className="grid grid-cols-1 gap-4 [--u:1rem] md:grid-cols-2 2xl:grid-cols-3"
          aria-label="Batches on this board"
        >
          {batches.map(({ batch, state, alerts }, index) => {
            const stale = batchFreshness(state, now).stale;
            return (
              <li key={batch.id} className="min-h-72">
                <BatchCard
                  batch={batch}
                  snapshot={state.data}
                  error={state.error}
                  stale={stale}
                  tier="lg"
                  alerts={alerts}
                  now={now}
                  href={batchPagePath(batch.provider, batch.batchId, batch.connectionId)}
                  actions={
                    <BoardCardActions
                      name={batchDisplayName(batch, state.data)}
                      target={{
                        provider: batch.provider,
                        batchId: batch.batchId,
                        connectionId: batch.connectionId,
                      }}
                      label={batch.label}
                      fallback={state.data?.name ?? batch.batchId}
                      first={index === 0}
                      last={index === batches.length - 1}
                      busy={
                        reorder.isPending || (remove.isPending && remove.variables === batch.id)
                      }
                      onMove={(by) => move(index, by)}
                      onRemove={() => remove.mutate(batch.id)}
                    />
                  }
                />
              </li>
            );
          })}
        </ul>
      )}
      <AddBatchForm
        mutation={addBoardBatchOptions(board.id)}
        title="Add a batch"
        formLabel="Add a batch to this board"
        submitLabel="Add to board"
        conflictMessage="This batch is already on the board."
        testId="add-board-batch-form"
        pickLabel="Add"
      />
      <AutoWatchPanel boardId={board.id} canManage={canManageAutoWatch} />
      <ShareLinksPanel boardId={board.id} />
    </div>
  );
}
