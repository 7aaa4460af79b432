"use client";

import { useQuery } from "@tanstack/react-query";
import { Notice } from "@/components/ui/notice";
import { boardListQueryOptions } from "@/lib/queries/boards";
import { BoardList } from "./board-list";
import { CreateBoardForm } from "./create-board-form";

export function BoardsIndex() {
  const list = useQuery(boardListQueryOptions());
  return (
    <div className="space-y-6 sm:space-y-8" data-testid="boards-page">
      <div>
        <h1 className="text-2xl font-semibold sm:text-3xl">Boards</h1>
        <p className="mt-1 text-muted">
          Put the batches of one send on a board, share it with a link, and leave it on a wall
          screen.
        </p>
      </div>
      <CreateBoardForm />
      {list.isError && (
        <Notice tone="warning" title="Could not load the boards" data-testid="boards-error">
          {list.error.message}
        </Notice>
      )}
      {list.isPending && <p className="text-muted">Loading boards…</p>}
      {list.data && <BoardList boards={list.data} />}
    </div>
  );
}
