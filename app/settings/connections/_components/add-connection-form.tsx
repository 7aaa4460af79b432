"use client";

import { useMutation } from "@tanstack/react-query";
import { useId, useState } from "react";
import type { FormEvent } from "react";
import { ProviderSelect } from "@/components/batch/provider-select";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Input } from "@/components/ui/input";
import { createConnectionSchema, PROVIDER_REGIONS } from "@/lib/connection";
import type { Region } from "@/lib/connection";
import type { ProviderId } from "@/lib/providers/provider-id";
import { addConnectionOptions } from "@/lib/queries/connections";
import { FormError } from "../../_components/form-error";
import { BUDGET_HINT, parseBudget } from "./budget-field";
import { Field } from "@/components/ui/field";
import { RegionSelect } from "./region-select";

export function AddConnectionForm() {
  const fieldId = useId();
  const [provider, setProvider] = useState<ProviderId>("migma");
  const [name, setName] = useState("");
  const [apiKey, setApiKey] = useState("");
  const [region, setRegion] = useState<Region>("global");
  const [budget, setBudget] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const add = useMutation(addConnectionOptions());
  const hasRegions = PROVIDER_REGIONS[provider].length > 0;

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setSaved(null);
    const budgetPerMinute = parseBudget(budget);
    if (budgetPerMinute === "invalid") return setError("The budget must be a whole number of calls a minute, or empty.");
    const parsed = createConnectionSchema.safeParse({ provider, name, apiKey, budgetPerMinute, ...(hasRegions && { region }) });
    if (!parsed.success) return setError(parsed.error.issues[0]?.message ?? "Check the fields and try again.");
    setError(null);
    add.mutate(parsed.data, {
      onSuccess: (connection) => {
        // The key leaves the page's memory as soon as the server has it.
        setApiKey("");
        setName("");
        setSaved(`Saved "${connection.name}". From now on its key shows only as ${connection.keyLastFour}.`);
      },
      onError: (failure) => setError(`Could not add the connection: ${failure.message}`),
    });
  }

  return (
    <Card title="Add a connection" description="The key is encrypted on the server and never shown again; rotate it with Replace key.">
      <form noValidate onSubmit={submit} aria-label="Add a connection" data-testid="add-connection-form">
        <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-[12rem_minmax(0,1fr)_minmax(0,1.5fr)_auto_9rem] lg:items-start">
          <Field id={`${fieldId}-provider`} label="Provider">
            <ProviderSelect id={`${fieldId}-provider`} value={provider} onChange={setProvider} />
          </Field>
          <Field id={`${fieldId}-name`} label="Name">
            <Input id={`${fieldId}-name`} value={name} maxLength={80} placeholder="e.g. Marketing account" onChange={(event) => setName(event.target.value)} />
          </Field>
          <Field id={`${fieldId}-key`} label="API key">
            <Input id={`${fieldId}-key`} type="password" value={apiKey} autoComplete="off" spellCheck={false} className="font-mono" onChange={(event) => setApiKey(event.target.value)} />
          </Field>
          {hasRegions && <RegionSelect id={`${fieldId}-region`} value={region} onChange={setRegion} />}
          <Field id={`${fieldId}-budget`} label="Budget / min" hint={BUDGET_HINT}>
            <Input id={`${fieldId}-budget`} inputMode="numeric" value={budget} placeholder="Default" onChange={(event) => setBudget(event.target.value)} />
          </Field>
        </div>
        <div className="mt-4 flex flex-wrap items-center gap-3">
          <Button type="submit" disabled={add.isPending}>
            {add.isPending ? "Saving…" : "Add connection"}
          </Button>
          {saved && (
            <p role="status" data-testid="connection-saved" className="text-sm text-outcome-success">
              {saved}
            </p>
          )}
        </div>
        <FormError message={error} testId="connection-form-error" />
      </form>
    </Card>
  );
}
