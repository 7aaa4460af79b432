import { mutationOptions, queryOptions, type QueryClient } from "@tanstack/react-query";
import { z } from "zod/mini";
import { ERROR_RETRY_MS } from "@/config/polling";
import { BOARD_POLL_MS } from "@/config/wall";
import { requestJson, requestNoContent } from "@/lib/api-client";
import { boardBatchSchema, boardListSchema, boardSchema } from "@/lib/board";
import type { Board, BoardBatchInput, CreateBoardInput } from "@/lib/board";
import { boardSnapshotKey } from "./board-snapshot";

const BOARDS_PATH = "/api/boards";
const createdSchema = z.object({ id: z.string() });
const addedSchema = z.object({ item: boardBatchSchema });

export const boardListKey = ["boards", { scope: "team" }] as const;

export function boardPath(id: string): string {
  return `${BOARDS_PATH}/${encodeURIComponent(id)}`;
}

export function boardKey(id: string) {
  return ["board", { id }] as const;
}

/** Polled like a board: each board's batches by state change as they are polled. */
export function boardListQueryOptions() {
  return queryOptions({
    queryKey: boardListKey,
    queryFn: async ({ signal }) =>
      (await requestJson(BOARDS_PATH, boardListSchema, { signal })).items,
    refetchInterval: (query) => (query.state.status === "error" ? ERROR_RETRY_MS : BOARD_POLL_MS),
    retry: false,
  });
}

/** Not polled: the board snapshot brings other people's changes (lib/queries/board-snapshot.ts). */
export function boardQueryOptions(id: string) {
  return queryOptions({
    queryKey: boardKey(id),
    queryFn: ({ signal }) => requestJson(boardPath(id), boardSchema, { signal }),
    retry: false,
  });
}

/** After an edit: the open board page's snapshot asks again at once rather than at its next poll. */
function refreshSnapshot(client: QueryClient, id: string): void {
  void client.invalidateQueries({ queryKey: boardSnapshotKey({ kind: "board", boardId: id }) });
}

export function createBoardOptions() {
  return mutationOptions({
    mutationKey: ["boards", "create"],
    mutationFn: async (input: CreateBoardInput) =>
      (await requestJson(BOARDS_PATH, createdSchema, { method: "POST", body: input })).id,
    onSuccess: (_id, _input, _result, { client }) =>
      void client.invalidateQueries({ queryKey: boardListKey }),
  });
}

export function renameBoardOptions(id: string) {
  return mutationOptions({
    mutationKey: ["board", "rename", id],
    mutationFn: (name: string) =>
      requestJson(boardPath(id), boardSchema, { method: "PATCH", body: { name } }),
    onSuccess: (board, _name, _result, { client }) => {
      client.setQueryData(boardKey(id), board);
      refreshSnapshot(client, id);
    },
  });
}

export function deleteBoardOptions(id: string) {
  return mutationOptions({
    mutationKey: ["board", "delete", id],
    mutationFn: () => requestNoContent(boardPath(id), { method: "DELETE" }),
    onSuccess: (_data, _vars, _result, { client }) => {
      client.removeQueries({ queryKey: boardKey(id) });
      void client.invalidateQueries({ queryKey: boardListKey });
    },
  });
}

export function addBoardBatchOptions(id: string) {
  return mutationOptions({
    mutationKey: ["board", "add-batch", id],
    mutationFn: async (input: BoardBatchInput) =>
      (await requestJson(`${boardPath(id)}/batches`, addedSchema, { method: "POST", body: input }))
        .item,
    onSuccess: (item, _input, _result, { client }) => {
      client.setQueryData<Board>(boardKey(id), (board) =>
        board && !board.batches.some((b) => b.id === item.id)
          ? { ...board, batches: [...board.batches, item] }
          : board,
      );
      void client.invalidateQueries({ queryKey: boardKey(id) });
      void client.invalidateQueries({ queryKey: boardListKey });
      refreshSnapshot(client, id);
    },
  });
}

export function removeBoardBatchOptions(id: string) {
  return mutationOptions({
    mutationKey: ["board", "remove-batch", id],
    mutationFn: (boardBatchId: string) =>
      requestNoContent(`${boardPath(id)}/batches/${encodeURIComponent(boardBatchId)}`, {
        method: "DELETE",
      }),
    onSuccess: (_data, boardBatchId, _result, { client }) => {
      client.setQueryData<Board>(boardKey(id), (board) =>
        board ? { ...board, batches: board.batches.filter((b) => b.id !== boardBatchId) } : board,
      );
      void client.invalidateQueries({ queryKey: boardKey(id) });
      refreshSnapshot(client, id);
    },
  });
}

export function reorderBoardBatchesOptions(id: string) {
  return mutationOptions({
    mutationKey: ["board", "reorder", id],
    mutationFn: (ids: string[]) =>
      requestJson(`${boardPath(id)}/batches/order`, boardSchema, { method: "PUT", body: { ids } }),
    onSuccess: (board, _ids, _result, { client }) => {
      client.setQueryData(boardKey(id), board);
      refreshSnapshot(client, id);
    },
  });
}
