"use client";

import { useMutation } from "@tanstack/react-query";
import { useId, useState } from "react";
import type { FormEvent } from "react";
import { ProviderSelect } from "@/components/board/provider-select";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { BATCH_LABEL_MAX } from "@/lib/batch-input";
import { isApiError } from "@/lib/api-client";
import { checkBatchId } from "@/lib/providers/batch-id";
import type { ProviderId } from "@/lib/providers/provider-id";
import { addBoardBatchOptions } from "@/lib/queries/boards";

export function AddBoardBatchForm({ boardId }: { boardId: string }) {
  const fieldId = useId();
  const [provider, setProvider] = useState<ProviderId>("migma");
  const [batchId, setBatchId] = useState("");
  const [label, setLabel] = useState("");
  const [error, setError] = useState<string | null>(null);
  const add = useMutation(addBoardBatchOptions(boardId));

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const check = checkBatchId(provider, batchId);
    if (!check.ok) return setError(check.reason);
    setError(null);
    add.mutate(
      { provider, batchId: check.batchId, label: label.trim() === "" ? null : label.trim() },
      {
        onSuccess: () => {
          setBatchId("");
          setLabel("");
        },
        onError: (failure) =>
          setError(
            isApiError(failure, "conflict")
              ? "This batch is already on the board."
              : failure.message,
          ),
      },
    );
  }

  return (
    <Card title="Add a batch">
      <form
        noValidate
        onSubmit={submit}
        data-testid="add-board-batch-form"
        aria-label="Add a batch to this board"
        className="grid gap-3 sm:grid-cols-2 lg:grid-cols-[12rem_minmax(0,2fr)_minmax(0,1fr)_auto] lg:items-end"
      >
        <Field id={`${fieldId}-provider`} label="Provider">
          <ProviderSelect id={`${fieldId}-provider`} value={provider} onChange={setProvider} />
        </Field>
        <Field id={`${fieldId}-id`} label="Batch id">
          <Input
            id={`${fieldId}-id`}
            value={batchId}
            autoComplete="off"
            spellCheck={false}
            className="font-mono"
            aria-invalid={error !== null}
            onChange={(event) => setBatchId(event.target.value)}
          />
        </Field>
        <Field id={`${fieldId}-label`} label={<>Label <span className="text-faint">(optional)</span></>}>
          <Input
            id={`${fieldId}-label`}
            value={label}
            maxLength={BATCH_LABEL_MAX}
            onChange={(event) => setLabel(event.target.value)}
          />
        </Field>
        <Button type="submit" disabled={add.isPending}>
          {add.isPending ? "Adding…" : "Add to board"}
        </Button>
      </form>
      {error && (
        <p
          role="alert"
          data-testid="add-board-batch-error"
          className="mt-2 text-sm text-notice-warning"
        >
          {error}
        </p>
      )}
    </Card>
  );
}
