"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { UseMutationOptions } from "@tanstack/react-query";
import { useId, useRef, useState } from "react";
import type { FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { isApiError } from "@/lib/api-client";
import { BATCH_LABEL_MAX } from "@/lib/batch-label";
import type { BatchInput } from "@/lib/batch-input";
import { batchIdPlaceholder, checkBatchId } from "@/lib/providers/batch-id";
import type { ProviderId } from "@/lib/providers/provider-id";
import type { RecentSend } from "@/lib/recent-sends";
import { ProviderSelect } from "./provider-select";
import { RecentSendsPicker } from "./recent-sends-picker";

type AddBatchFormProps<TData> = {
  /** Saves the named batch (to the watched list, to a board). */
  mutation: UseMutationOptions<TData, Error, BatchInput>;
  title: string;
  formLabel: string;
  submitLabel: string;
  /** Shown when the batch is there already. */
  conflictMessage: string;
  testId: string;
  /** The picker's button on each recent send. */
  pickLabel: string;
  /** The watched list: a send already on it is shown as such, not offered again. */
  watchedIsTaken?: boolean;
};

/**
 * A picker of the chosen connection's recent sends, and the fallback for providers without a list
 * (and any id at hand): provider, batch id and an optional label, the id checked before anything is sent.
 */
export function AddBatchForm<TData>({
  mutation,
  title,
  formLabel,
  submitLabel,
  conflictMessage,
  testId,
  pickLabel,
  watchedIsTaken = false,
}: AddBatchFormProps<TData>) {
  const fieldId = useId();
  const idInput = useRef<HTMLInputElement>(null);
  const [provider, setProvider] = useState<ProviderId>("migma");
  const [batchId, setBatchId] = useState("");
  const [label, setLabel] = useState("");
  const [idError, setIdError] = useState<string | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const add = useMutation(mutation);
  const queryClient = useQueryClient();

  function pick(send: RecentSend, connectionId: string) {
    setFormError(null);
    add.mutate(
      { provider: send.provider, batchId: send.batchId, connectionId, label: null },
      {
        // Its row now says it is watched.
        onSuccess: () => void queryClient.invalidateQueries({ queryKey: ["sends"] }),
        onError: (error) => setFormError(isApiError(error, "conflict") ? conflictMessage : `Could not add the send: ${error.message}`),
      },
    );
  }

  function showIdError(reason: string) {
    setIdError(reason);
    idInput.current?.focus();
  }

  // Once a reason is on screen, keep it in step with what is typed, and clear it when fixed.
  function recheck(nextProvider: ProviderId, nextId: string) {
    if (idError === null) return;
    const check = checkBatchId(nextProvider, nextId);
    setIdError(check.ok ? null : check.reason);
  }

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setFormError(null);
    const check = checkBatchId(provider, batchId);
    if (!check.ok) return showIdError(check.reason);
    setIdError(null);
    add.mutate(
      { provider, batchId: check.batchId, label: label.trim() === "" ? null : label.trim() },
      {
        onSuccess: () => {
          setBatchId("");
          setLabel("");
        },
        onError: (error) => {
          if (isApiError(error, "invalid_batch_id")) showIdError(error.message);
          else if (isApiError(error, "conflict")) setFormError(conflictMessage);
          else setFormError(`Could not add the batch: ${error.message}`);
        },
      },
    );
  }

  return (
    <Card title={title}>
      <RecentSendsPicker pickLabel={pickLabel} watchedIsTaken={watchedIsTaken} disabled={add.isPending} onPick={pick} />
      <h3 className="mb-2 text-sm font-medium text-muted">Or paste a batch id</h3>
      <form noValidate onSubmit={submit} data-testid={testId} aria-label={formLabel}>
        <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-[12rem_minmax(0,2fr)_minmax(0,1fr)_auto] lg:items-start">
          <Field id={`${fieldId}-provider`} label="Provider">
            <ProviderSelect
              id={`${fieldId}-provider`}
              name="provider"
              value={provider}
              onChange={(next) => {
                setProvider(next);
                recheck(next, batchId);
              }}
            />
          </Field>
          <Field id={`${fieldId}-id`} label="Batch id">
            <Input
              ref={idInput}
              id={`${fieldId}-id`}
              name="batchId"
              value={batchId}
              autoComplete="off"
              spellCheck={false}
              placeholder={batchIdPlaceholder(provider)}
              aria-invalid={idError !== null}
              aria-describedby={idError ? `${fieldId}-id-error` : undefined}
              className="font-mono"
              onChange={(event) => {
                setBatchId(event.target.value);
                recheck(provider, event.target.value);
              }}
            />
            {idError && (
              <p
                id={`${fieldId}-id-error`}
                role="alert"
                data-testid="batch-id-error"
                className="mt-1.5 text-sm text-notice-warning"
              >
                {idError}
              </p>
            )}
          </Field>
          <Field id={`${fieldId}-label`} label={<>Label <span className="text-faint">(optional)</span></>}>
            <Input
              id={`${fieldId}-label`}
              name="label"
              value={label}
              maxLength={BATCH_LABEL_MAX}
              placeholder="e.g. November newsletter"
              onChange={(event) => setLabel(event.target.value)}
            />
          </Field>
          <div className="sm:col-span-2 lg:col-span-1 lg:pt-6">
            <Button type="submit" disabled={add.isPending} className="w-full lg:w-auto">
              {add.isPending ? "Adding…" : submitLabel}
            </Button>
          </div>
        </div>
        {formError && (
          <p role="alert" data-testid="add-batch-error" className="mt-3 text-sm text-notice-warning">
            {formError}
          </p>
        )}
      </form>
    </Card>
  );
}
