"use client";

import { useMutation } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import type { Board } from "@/lib/board";
import { deleteBoardOptions } from "@/lib/queries/boards";
import { RenameBoardForm } from "./rename-board-form";

export function BoardHeading({ board }: { board: Board }) {
  const router = useRouter();
  const [renaming, setRenaming] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const remove = useMutation(deleteBoardOptions(board.id));

  return (
    <header className="space-y-3">
      <Link href="/boards" className="text-sm text-muted hover:text-ink">
        ← Boards
      </Link>
      <div className="flex flex-wrap items-center justify-between gap-3">
        {renaming ? (
          <RenameBoardForm board={board} onDone={() => setRenaming(false)} />
        ) : (
          <div className="flex min-w-0 items-center gap-3">
            <h1 data-testid="board-title" className="truncate text-2xl font-semibold sm:text-3xl">
              {board.name}
            </h1>
            <Button variant="ghost" size="sm" onClick={() => setRenaming(true)}>
              Rename
            </Button>
          </div>
        )}
        <div className="flex flex-wrap items-center gap-2">
          <Link
            href={`/boards/${board.id}/wall`}
            data-testid="open-wall"
            className="inline-flex h-10 items-center rounded-md bg-outcome-active px-4 text-sm font-medium text-canvas hover:bg-outcome-active/85"
          >
            Open wall
          </Link>
          {confirming ? (
            <>
              <Button
                variant="secondary"
                data-testid="confirm-delete-board"
                disabled={remove.isPending}
                onClick={() =>
                  remove.mutate(undefined, { onSuccess: () => router.push("/boards") })
                }
              >
                {remove.isPending ? "Deleting…" : "Delete board and its links"}
              </Button>
              <Button variant="ghost" onClick={() => setConfirming(false)}>
                Keep
              </Button>
            </>
          ) : (
            <Button variant="ghost" data-testid="delete-board" onClick={() => setConfirming(true)}>
              Delete
            </Button>
          )}
        </div>
      </div>
      {remove.isError && (
        <p role="alert" className="text-sm text-notice-warning">
          Could not delete the board: {remove.error.message}
        </p>
      )}
    </header>
  );
}
