"use client";

import { useMutation } from "@tanstack/react-query";
import { useId, useRef, useState } from "react";
import type { FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { isApiError } from "@/lib/api-client";
import { BATCH_LABEL_MAX } from "@/lib/batch-input";
import { checkBatchId } from "@/lib/providers/batch-id";
import { PROVIDER_IDS, PROVIDER_INFO, isProviderId } from "@/lib/providers/provider-id";
import type { ProviderId } from "@/lib/providers/provider-id";
import { addWatchedBatchOptions } from "@/lib/queries/watched";

const ID_PLACEHOLDERS = {
  migma: "e.g. camp_8f2a91c4",
  mindo: "e.g. a3f2b8c9-4d5e-6f7a-8b9c-0d1e2f3a4b5c",
  bolna: "e.g. 3c90c3cc0d444b5088888b8b8b8b8b8b",
  sendgrid: "e.g. HkJ5yLYULb7Rj8GKSx7u025ouWVlMgAi",
} as const satisfies Record<ProviderId, string>;

export function AddBatchForm() {
  const fieldId = useId();
  const idInput = useRef<HTMLInputElement>(null);
  const [provider, setProvider] = useState<ProviderId>("migma");
  const [batchId, setBatchId] = useState("");
  const [label, setLabel] = useState("");
  const [idError, setIdError] = useState<string | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const add = useMutation(addWatchedBatchOptions());

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
    if (!check.ok) {
      setIdError(check.reason);
      idInput.current?.focus();
      return;
    }
    setIdError(null);
    add.mutate(
      { provider, batchId: check.batchId, label: label.trim() === "" ? null : label.trim() },
      {
        onSuccess: () => {
          setBatchId("");
          setLabel("");
        },
        onError: (error) => {
          if (isApiError(error, "invalid_batch_id")) {
            setIdError(error.message);
            idInput.current?.focus();
          } else if (isApiError(error, "conflict")) {
            setFormError("This batch is already on the watched list.");
          } else {
            setFormError(`Could not add the batch: ${error.message}`);
          }
        },
      },
    );
  }

  return (
    <Card title="Watch a batch">
      <form noValidate onSubmit={submit} data-testid="add-batch-form" aria-label="Watch a batch">
        <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-[12rem_minmax(0,2fr)_minmax(0,1fr)_auto] lg:items-start">
          <Field id={`${fieldId}-provider`} label="Provider">
            <Select
              id={`${fieldId}-provider`}
              name="provider"
              value={provider}
              onChange={(event) => {
                const next = event.target.value;
                if (!isProviderId(next)) return;
                setProvider(next);
                recheck(next, batchId);
              }}
            >
              {PROVIDER_IDS.map((id) => (
                <option key={id} value={id}>
                  {PROVIDER_INFO[id].name} ({PROVIDER_INFO[id].channel})
                </option>
              ))}
            </Select>
          </Field>
          <Field id={`${fieldId}-id`} label="Batch id">
            <Input
              ref={idInput}
              id={`${fieldId}-id`}
              name="batchId"
              value={batchId}
              autoComplete="off"
              spellCheck={false}
              placeholder={ID_PLACEHOLDERS[provider]}
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
              {add.isPending ? "Adding…" : "Watch"}
            </Button>
          </div>
        </div>
        {formError && (
          <p
            role="alert"
            data-testid="add-batch-error"
            className="mt-3 text-sm text-notice-warning"
          >
            {formError}
          </p>
        )}
      </form>
    </Card>
  );
}
