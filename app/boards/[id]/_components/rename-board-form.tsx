"use client";

import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import type { FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import type { Board } from "@/lib/board";
import { BOARD_NAME_MAX } from "@/lib/board";
import { renameBoardOptions } from "@/lib/queries/boards";

export function RenameBoardForm({ board, onDone }: { board: Board; onDone: () => void }) {
  const [name, setName] = useState(board.name);
  const [problem, setProblem] = useState<string | null>(null);
  const rename = useMutation(renameBoardOptions(board.id));

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    // Saving spaces would keep the old name without a word: say why instead.
    if (name.trim() === "") return setProblem("A board needs a name: spaces alone are not one.");
    setProblem(null);
    if (name.trim() === board.name) return onDone();
    rename.mutate(name.trim(), { onSuccess: onDone });
  }

  return (
    <form
      onSubmit={submit}
      data-testid="rename-board-form"
      className="flex flex-wrap items-center gap-2"
    >
      <Input
        aria-label="Board name"
        value={name}
        maxLength={BOARD_NAME_MAX}
        autoFocus
        aria-invalid={problem !== null}
        className="w-72 max-w-full text-lg"
        onChange={(event) => setName(event.target.value)}
      />
      <Button type="submit" size="md" disabled={rename.isPending}>
        Save
      </Button>
      <Button variant="ghost" onClick={onDone}>
        Cancel
      </Button>
      {(problem ?? rename.isError) && (
        <p role="alert" data-testid="rename-board-error" className="w-full text-sm text-notice-warning">
          {problem ?? rename.error?.message}
        </p>
      )}
    </form>
  );
}
