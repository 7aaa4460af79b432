"use client";

import { useMutation, useQueries, useQuery } from "@tanstack/react-query";
import { AddBatchForm } from "@/components/batch/add-batch-form";
import { Notice } from "@/components/ui/notice";
import { isApiError } from "@/lib/api-client";
import { useNow } from "@/lib/hooks/use-now";
import { batchQueryOptions } from "@/lib/queries/batch";
import {
  addWatchedBatchOptions,
  removeWatchedBatchOptions,
  watchedListQueryOptions,
} from "@/lib/queries/watched";
import { WatchedEmpty } from "./watched-empty";
import { WatchedListHeader } from "./watched-list-header";
import { WatchedRow } from "./watched-row";

/** The one poller of the home view: the list, and one batch query per row. Rows only display. */
export function WatchedBoard() {
  const list = useQuery(watchedListQueryOptions());
  const items = list.data ?? [];
  const batches = useQueries({
    queries: items.map((item) => batchQueryOptions(item.provider, item.batchId, { connectionId: item.connectionId })),
  });
  const remove = useMutation(removeWatchedBatchOptions());
  const now = useNow();

  return (
    <div className="space-y-6 sm:space-y-8">
      <div className="flex flex-wrap items-baseline justify-between gap-3">
        <h1 className="text-2xl font-semibold sm:text-3xl">Watched batches</h1>
        {list.data && (
          <p className="text-muted">
            {items.length === 1 ? "1 batch" : `${items.length} batches`} · shared with your team
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
        <section aria-label="Watched batches">
          <WatchedListHeader />
          <ul className="space-y-3 lg:space-y-2">
            {items.map((item, index) => (
              <WatchedRow
                key={item.id}
                item={item}
                batch={batches[index]}
                now={now}
                removing={remove.isPending && remove.variables === item.id}
                removeError={
                  remove.isError && remove.variables === item.id ? remove.error.message : null
                }
                onRemove={() => remove.mutate(item.id)}
              />
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
