"use client";

import { useMutation, useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useState } from "react";
import type { FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { Select } from "@/components/ui/select";
import { isApiError } from "@/lib/api-client";
import type { ProviderId } from "@/lib/providers/provider-id";
import { addBoardBatchOptions, boardListQueryOptions } from "@/lib/queries/boards";

type AddToBoardProps = { provider: ProviderId; batchId: string; connectionId?: string };

/** Puts the batch on one of the team's boards, without leaving the batch page. */
export function AddToBoard({ provider, batchId, connectionId }: AddToBoardProps) {
  const [open, setOpen] = useState(false);
  const boards = useQuery({ ...boardListQueryOptions(), enabled: open });
  const [chosen, setChosen] = useState("");
  const boardId = chosen || boards.data?.[0]?.id || "";
  const add = useMutation(addBoardBatchOptions(boardId));

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (boardId) add.mutate(connectionId ? { provider, batchId, connectionId } : { provider, batchId });
  }

  if (!open) {
    return (
      <Button
        variant="secondary"
        size="sm"
        className="ml-auto"
        data-testid="add-to-board-open"
        onClick={() => setOpen(true)}
      >
        Add to board
      </Button>
    );
  }
  const name = boards.data?.find((board) => board.id === boardId)?.name;
  return (
    <form
      onSubmit={submit}
      data-testid="add-to-board"
      aria-label="Add to a board"
      className="ml-auto flex flex-wrap items-center justify-end gap-2"
    >
      {boards.data?.length === 0 ? (
        <Link href="/boards" className="text-sm font-medium underline">
          Create a board first
        </Link>
      ) : (
        <div className="flex items-center gap-2">
          <Select
            aria-label="Board"
            value={boardId}
            onChange={(event) => setChosen(event.target.value)}
            className="h-8 w-56"
            disabled={!boards.data}
          >
            {boards.data?.map((board) => (
              <option key={board.id} value={board.id}>
                {board.name}
              </option>
            ))}
          </Select>
          <Button type="submit" size="sm" disabled={!boardId || add.isPending}>
            {add.isPending ? "Adding…" : "Add"}
          </Button>
        </div>
      )}
      {add.isSuccess && (
        <p role="status" data-testid="add-to-board-done" className="text-sm text-outcome-success">
          Added to{" "}
          <Link href={`/boards/${boardId}`} className="underline">
            {name ?? "the board"}
          </Link>
        </p>
      )}
      {(add.isError || boards.isError) && (
        <p role="alert" data-testid="add-to-board-error" className="text-sm text-notice-warning">
          {isApiError(add.error, "conflict")
            ? "Already on that board."
            : (add.error ?? boards.error)?.message}
        </p>
      )}
    </form>
  );
}
