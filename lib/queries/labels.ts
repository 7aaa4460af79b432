import { mutationOptions } from "@tanstack/react-query";
import { requestJson } from "@/lib/api-client";
import { batchLabelResponseSchema } from "@/lib/batch-label";
import type { Board } from "@/lib/board";
import type { ProviderId } from "@/lib/providers/provider-id";
import type { WatchedBatch } from "@/lib/watched-batch";
import { watchedListKey } from "./watched";

/** One batch of the team, as its label is keyed; the connection is the one it is read through. */
export type LabelTarget = { provider: ProviderId; batchId: string; connectionId?: string };

export function batchLabelPath({ provider, batchId, connectionId }: LabelTarget): string {
  const path = `/api/batches/${encodeURIComponent(provider)}/${encodeURIComponent(batchId)}/label`;
  return connectionId ? `${path}?${new URLSearchParams({ connection: connectionId })}` : path;
}

function isTarget(
  entry: { provider: string; batchId: string; connectionId: string },
  target: LabelTarget,
) {
  return (
    entry.provider === target.provider &&
    entry.batchId === target.batchId &&
    (target.connectionId === undefined || entry.connectionId === target.connectionId)
  );
}

/** Renames a batch for the team: the watched list and every board open in this tab follow at once. */
export function setBatchLabelOptions(target: LabelTarget) {
  return mutationOptions({
    mutationKey: ["batch-label", target],
    mutationFn: async (label: string | null) =>
      (
        await requestJson(batchLabelPath(target), batchLabelResponseSchema, {
          method: "PUT",
          body: { label },
        })
      ).label,
    onSuccess: (label, _input, _result, { client }) => {
      client.setQueryData<WatchedBatch[]>(watchedListKey, (items) =>
        items?.map((item) => (isTarget(item, target) ? { ...item, label } : item)),
      );
      client.setQueriesData<Board>({ queryKey: ["board"] }, (board) =>
        board
          ? {
              ...board,
              batches: board.batches.map((batch) =>
                isTarget(batch, target) ? { ...batch, label } : batch,
              ),
            }
          : board,
      );
      void client.invalidateQueries({ queryKey: watchedListKey });
      void client.invalidateQueries({ queryKey: ["board"] });
    },
  });
}
