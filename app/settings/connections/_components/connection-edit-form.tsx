"use client";

import { useMutation } from "@tanstack/react-query";
import { useId, useState } from "react";
import type { FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { updateConnectionSchema } from "@/lib/connection";
import type { Connection, Region, UpdateConnectionInput } from "@/lib/connection";
import { updateConnectionOptions } from "@/lib/queries/connections";
import { Field } from "@/components/ui/field";
import { FormError } from "../../_components/form-error";
import { BUDGET_HINT, parseBudget } from "./budget-field";
import { RegionSelect } from "./region-select";

/** Rename, replace the key (never view it), move region, change the budget. */
export function ConnectionEditForm({ connection, onDone }: { connection: Connection; onDone: () => void }) {
  const fieldId = useId();
  const [name, setName] = useState(connection.name);
  const [apiKey, setApiKey] = useState("");
  const [region, setRegion] = useState<Region | null>(connection.region);
  const [budget, setBudget] = useState(connection.budgetPerMinute === null ? "" : String(connection.budgetPerMinute));
  const [webhookKey, setWebhookKey] = useState("");
  const [batchArg, setBatchArg] = useState(connection.webhook?.batchArg ?? "");
  const [error, setError] = useState<string | null>(null);
  const update = useMutation(updateConnectionOptions(connection.id));

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const budgetPerMinute = parseBudget(budget);
    if (budgetPerMinute === "invalid") return setError("The budget must be a whole number of calls a minute, or empty.");
    const changes: UpdateConnectionInput = {
      ...(name.trim() !== connection.name && { name }),
      ...(apiKey.trim() !== "" && { apiKey }),
      ...(region !== connection.region && region !== null && { region }),
      ...(budgetPerMinute !== connection.budgetPerMinute && { budgetPerMinute }),
      ...(webhookKey.trim() !== "" && { webhookPublicKey: webhookKey }),
      ...(connection.webhook && batchArg.trim() !== connection.webhook.batchArg && { webhookBatchArg: batchArg.trim() === "" ? null : batchArg }),
    };
    if (Object.keys(changes).length === 0) return onDone();
    const parsed = updateConnectionSchema.safeParse(changes);
    if (!parsed.success) return setError(parsed.error.issues[0]?.message ?? "Check the fields and try again.");
    setError(null);
    update.mutate(parsed.data, {
      onSuccess: () => {
        setApiKey("");
        setWebhookKey("");
        onDone();
      },
      onError: (failure) => setError(`Could not save: ${failure.message}`),
    });
  }

  return (
    <form noValidate onSubmit={submit} aria-label={`Edit ${connection.name}`} data-testid="connection-edit-form" className="mt-4 border-t border-line pt-4">
      <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-[minmax(0,1fr)_minmax(0,1.5fr)_auto_9rem] lg:items-start">
        <Field id={`${fieldId}-name`} label="Name">
          <Input id={`${fieldId}-name`} value={name} maxLength={80} onChange={(event) => setName(event.target.value)} />
        </Field>
        <Field id={`${fieldId}-key`} label="Replace key">
          <Input id={`${fieldId}-key`} type="password" value={apiKey} autoComplete="off" spellCheck={false} className="font-mono" placeholder={`Empty: keep ${connection.keyLastFour}`} onChange={(event) => setApiKey(event.target.value)} />
        </Field>
        {region !== null && <RegionSelect id={`${fieldId}-region`} value={region} onChange={setRegion} />}
        <Field id={`${fieldId}-budget`} label="Budget / min" hint={BUDGET_HINT}>
          <Input id={`${fieldId}-budget`} inputMode="numeric" value={budget} placeholder="Default" onChange={(event) => setBudget(event.target.value)} />
        </Field>
      </div>
      {connection.webhook && (
        <div className="mt-3 grid gap-3 sm:grid-cols-[minmax(0,2fr)_minmax(0,1fr)]">
          <Field id={`${fieldId}-webhook-key`} label="Webhook verification key" hint="SendGrid → Event Webhook → Signature Verification: the public key.">
            <Input id={`${fieldId}-webhook-key`} value={webhookKey} autoComplete="off" spellCheck={false} className="font-mono" placeholder={connection.webhook.publicKeySet ? "Empty: keep the saved key" : "MFkwEwYHKoZIzj0CAQYI…"} onChange={(event) => setWebhookKey(event.target.value)} />
          </Field>
          <Field id={`${fieldId}-batch-arg`} label="Batch custom arg" hint="Empty: batch_id">
            <Input id={`${fieldId}-batch-arg`} value={batchArg} spellCheck={false} className="font-mono" onChange={(event) => setBatchArg(event.target.value)} />
          </Field>
        </div>
      )}
      <div className="mt-3 flex gap-2">
        <Button type="submit" size="sm" disabled={update.isPending}>
          {update.isPending ? "Saving…" : "Save changes"}
        </Button>
        <Button variant="ghost" size="sm" onClick={onDone}>
          Cancel
        </Button>
      </div>
      <FormError message={error} testId="connection-edit-error" />
    </form>
  );
}
