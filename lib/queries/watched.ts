import { mutationOptions, queryOptions } from "@tanstack/react-query";
import { z } from "zod/mini";
import { ERROR_RETRY_MS, WATCHED_LIST_POLL_MS } from "@/config/polling";
import { requestJson, requestNoContent } from "@/lib/api-client";
import { watchedBatchSchema, watchedListSchema } from "@/lib/watched-batch";
import type { AddWatchedBatchInput, WatchedBatch } from "@/lib/watched-batch";

const WATCHED_PATH = "/api/watched";
const addedItemSchema = z.object({ item: watchedBatchSchema });

export const watchedListKey = ["watched", { scope: "team" }] as const;

export function watchedListQueryOptions() {
  return queryOptions({
    queryKey: watchedListKey,
    queryFn: async ({ signal }) =>
      (await requestJson(WATCHED_PATH, watchedListSchema, { signal })).items,
    // Team members add batches from their own screens; a wall screen should pick them up.
    refetchInterval: (query) =>
      query.state.status === "error" ? ERROR_RETRY_MS : WATCHED_LIST_POLL_MS,
    retry: false,
  });
}

export function addWatchedBatchOptions() {
  return mutationOptions({
    mutationKey: ["watched", "add"],
    mutationFn: async (input: AddWatchedBatchInput): Promise<WatchedBatch> =>
      (await requestJson(WATCHED_PATH, addedItemSchema, { method: "POST", body: input })).item,
    // Not awaited: the mutation settles (and the form clears) as soon as the row is shown.
    onSuccess: (item, _input, _result, { client }) => {
      client.setQueryData<WatchedBatch[]>(watchedListKey, (items) =>
        items && !items.some((existing) => existing.id === item.id) ? [...items, item] : items,
      );
      void client.invalidateQueries({ queryKey: watchedListKey });
    },
  });
}

/** `keepalive` when the removal is committed as the page goes away (see useDeferredAction). */
export function removeWatchedBatchOptions() {
  return mutationOptions({
    mutationKey: ["watched", "remove"],
    mutationFn: ({ id, keepalive }: { id: string; keepalive?: boolean }) =>
      requestNoContent(`${WATCHED_PATH}/${encodeURIComponent(id)}`, { method: "DELETE", keepalive }),
    onSuccess: (_data, { id }, _result, { client }) => {
      client.setQueryData<WatchedBatch[]>(watchedListKey, (items) =>
        items?.filter((item) => item.id !== id),
      );
      void client.invalidateQueries({ queryKey: watchedListKey });
    },
  });
}
