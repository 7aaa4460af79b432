"use client";

import { useMutation, useQueries, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { AddBatchForm } from "@/components/batch/add-batch-form";
import { Notice } from "@/components/ui/notice";
import { isApiError } from "@/lib/api-client";
import { batchDisplayName } from "@/lib/batch-name";
import { useDeferredAction } from "@/lib/hooks/use-deferred-action";
import { useNow } from "@/lib/hooks/use-now";
import { batchQueryOptions } from "@/lib/queries/batch";
import {
  addWatchedBatchOptions,
  removeWatchedBatchOptions,
  watchedListQueryOptions,
} from "@/lib/queries/watched";
import type { WatchedView } from "@/lib/watched-view";
import { applyWatchedView, watchedViewSearch } from "@/lib/watched-view";
import { UndoNotice } from "./undo-notice";
import { WatchedEmpty } from "./watched-empty";
import { WatchedListControls } from "./watched-list-controls";
import { WatchedListHeader } from "./watched-list-header";
import { WatchedRow } from "./watched-row";

/** A removal from the team's list waits this long, so it can be undone. */
const UNDO_REMOVE_MS = 6_000;

/** The one poller of the home view: the list, and one batch query per row. Rows only display. */
export function WatchedBoard({ initialView }: { initialView: WatchedView }) {
  const list = useQuery(watchedListQueryOptions());
  const items = list.data ?? [];
  const batches = useQueries({
    queries: items.map((item) =>
      batchQueryOptions(item.provider, item.batchId, { connectionId: item.connectionId }),
    ),
  });
  const remove = useMutation(removeWatchedBatchOptions());
  const removal = useDeferredAction<string>(
    (id, { keepalive }) => remove.mutate({ id, keepalive }),
    UNDO_REMOVE_MS,
  );
  const [view, setView] = useState(initialView);
  const now = useNow();

  function changeView(next: WatchedView) {
    setView(next);
    // The address follows without a navigation, so a teammate given the link sees this list.
    window.history.replaceState(null, "", `${window.location.pathname}${watchedViewSearch(next)}`);
  }

  const removing = (id: string) =>
    removal.pending === id || (remove.isPending && remove.variables.id === id);
  const rows = items.flatMap((item, index) => {
    const batch = batches[index];
    if (removing(item.id)) return [];
    const data = batch?.data;
    const name = batchDisplayName(item, data);
    return [
      {
        item,
        batch,
        name,
        batchId: item.batchId,
        provider: item.provider,
        state: data?.state ?? null,
        progress: data?.progress ?? null,
      },
    ];
  });
  const shown = applyWatchedView(rows, view);
  const pendingItem = items.find((item) => item.id === removal.pending);

  return (
    <div className="space-y-6 sm:space-y-8">
      <div className="flex flex-wrap items-baseline justify-between gap-3">
        <h1 className="text-2xl font-semibold sm:text-3xl">Watched batches</h1>
        {list.data && (
          <p className="text-muted" data-testid="watched-count">
            {shown.length === rows.length
              ? rows.length === 1
                ? "1 batch"
                : `${rows.length} batches`
              : `${shown.length} of ${rows.length} batches shown`}{" "}
            · shared with your team
          </p>
        )}
      </div>

      <AddBatchForm
        mutation={addWatchedBatchOptions()}
        title="Watch a batch"
        formLabel="Watch a batch"
        submitLabel="Watch"
        conflictMessage="This batch is already on the watched list."
        testId="add-batch-form"
        pickLabel="Watch"
        watchedIsTaken
      />

      {list.isError && (
        <Notice
          tone={isApiError(list.error, "unauthorized") ? "neutral" : "warning"}
          title="Could not load the watched list"
          data-testid="watched-error"
        >
          {list.error.message}{" "}
          {list.data ? "Showing the last list received." : "Sendboard tries again shortly."}
        </Notice>
      )}

      {list.isPending && (
        <p className="text-muted" data-testid="watched-loading">
          Loading the watched list…
        </p>
      )}
      {list.data && items.length === 0 && <WatchedEmpty />}
      {items.length > 0 && (
        <section aria-label="Watched batches" className="space-y-4">
          <WatchedListControls view={view} onChange={changeView} />
          {shown.length === 0 ? (
            <p
              className="rounded-xl border border-dashed border-line p-6 text-muted"
              data-testid="watched-none-match"
            >
              No watched batch matches. Change the search or the filters to see more.
            </p>
          ) : (
            <div>
              <WatchedListHeader />
              <ul className="space-y-3 lg:space-y-2">
                {shown.map(({ item, batch }) => (
                  <WatchedRow
                    key={item.id}
                    item={item}
                    batch={batch}
                    now={now}
                    removeError={
                      remove.isError && remove.variables.id === item.id
                        ? remove.error.message
                        : null
                    }
                    onRemove={() => removal.schedule(item.id)}
                  />
                ))}
              </ul>
            </div>
          )}
        </section>
      )}
      {pendingItem && (
        <UndoNotice
          message={`Removed “${batchDisplayName(pendingItem, batches[items.indexOf(pendingItem)]?.data)}” from the team's watched list.`}
          onUndo={removal.undo}
        />
      )}
    </div>
  );
}
