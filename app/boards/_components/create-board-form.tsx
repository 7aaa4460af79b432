"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useId, useState } from "react";
import type { FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { BOARD_NAME_MAX } from "@/lib/board";
import { createBoardOptions } from "@/lib/queries/boards";

export function CreateBoardForm() {
  const fieldId = useId();
  const router = useRouter();
  const [name, setName] = useState("");
  const [error, setError] = useState<string | null>(null);
  const create = useMutation(createBoardOptions());

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (name.trim() === "") return setError("Give the board a name.");
    setError(null);
    create.mutate(
      { name: name.trim(), batches: [] },
      {
        onSuccess: (id) => router.push(`/boards/${id}`),
        onError: (failure) => setError(`Could not create the board: ${failure.message}`),
      },
    );
  }

  return (
    <Card title="New board">
      <form
        noValidate
        onSubmit={submit}
        data-testid="create-board-form"
        className="flex flex-wrap items-end gap-3"
      >
        <Field id={`${fieldId}-name`} label="Name" className="min-w-60 flex-1">
          <Input
            id={`${fieldId}-name`}
            value={name}
            maxLength={BOARD_NAME_MAX}
            placeholder="e.g. Black Friday send"
            aria-invalid={error !== null}
            onChange={(event) => setName(event.target.value)}
          />
        </Field>
        <Button type="submit" disabled={create.isPending}>
          {create.isPending ? "Creating…" : "Create board"}
        </Button>
      </form>
      {error && (
        <p
          role="alert"
          className="mt-2 text-sm text-notice-warning"
          data-testid="create-board-error"
        >
          {error}
        </p>
      )}
    </Card>
  );
}
