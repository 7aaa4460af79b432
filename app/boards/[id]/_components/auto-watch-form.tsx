"use client";

import { useMutation } from "@tanstack/react-query";
import { useId, useState } from "react";
import type { FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import type { AutoWatchRule } from "@/lib/auto-watch";
import { profileOf } from "@/lib/providers/profiles";
import { PROVIDER_INFO } from "@/lib/providers/provider-id";
import { createAutoWatchRuleOptions, updateAutoWatchRuleOptions } from "@/lib/queries/auto-watch";
import type { SendConnection } from "@/lib/recent-sends";

type AutoWatchFormProps = { boardId: string; connections: SendConnection[]; rules: AutoWatchRule[] };

/** Follow a connection, or change how this board follows it: the same fields, prefilled when it does already. */
export function AutoWatchForm({ boardId, connections, rules }: AutoWatchFormProps) {
  const fieldId = useId();
  const listing = connections.filter((connection) => profileOf(connection.provider).capabilities.list !== "none");
  const [connectionId, setConnectionId] = useState(listing[0]?.id ?? "");
  const existing = rules.find((rule) => rule.connectionId === connectionId) ?? null;
  const connection = listing.find((item) => item.id === connectionId);
  const [fields, setFields] = useState(() => fieldsOf(existing));
  const [error, setError] = useState<string | null>(null);
  const create = useMutation(createAutoWatchRuleOptions(boardId));
  const update = useMutation(updateAutoWatchRuleOptions(boardId));

  function choose(id: string) {
    setConnectionId(id);
    setFields(fieldsOf(rules.find((rule) => rule.connectionId === id) ?? null));
  }

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setError(null);
    const minutes = fields.removeAfterMinutes.trim();
    if (minutes !== "" && !/^\d+$/.test(minutes)) return setError("Give whole minutes, or leave it empty to keep finished sends.");
    const changes = {
      nameContains: fields.nameContains.trim() || null,
      template: fields.template.trim() || null,
      agentId: connection?.provider === "bolna" ? fields.agentId.trim() || null : null,
      removeAfterMinutes: minutes === "" ? null : Number(minutes),
    };
    const onError = (failure: Error) => setError(failure.message);
    if (existing) update.mutate({ ruleId: existing.id, changes }, { onError });
    else create.mutate({ connectionId, ...changes }, { onError });
  }

  if (listing.length === 0) return <p className="text-sm text-muted">No connection here can list its sends, so there is nothing to follow.</p>;
  const set = (name: keyof typeof fields) => (event: { target: { value: string } }) => setFields({ ...fields, [name]: event.target.value });

  return (
    <form noValidate onSubmit={submit} aria-label="Follow a connection" data-testid="auto-watch-form" className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
      <Field id={`${fieldId}-connection`} label="Connection">
        <Select id={`${fieldId}-connection`} value={connectionId} onChange={(event) => choose(event.target.value)}>
          {listing.map((item) => (
            <option key={item.id} value={item.id}>
              {item.name} · {PROVIDER_INFO[item.provider].name}
            </option>
          ))}
        </Select>
      </Field>
      <Field id={`${fieldId}-name`} label={<>Name contains <span className="text-faint">(optional)</span></>}>
        <Input id={`${fieldId}-name`} value={fields.nameContains} maxLength={120} onChange={set("nameContains")} />
      </Field>
      <Field id={`${fieldId}-template`} label={<>Template <span className="text-faint">(optional)</span></>}>
        <Input id={`${fieldId}-template`} value={fields.template} maxLength={120} onChange={set("template")} />
      </Field>
      {connection?.provider === "bolna" && (
        <Field id={`${fieldId}-agent`} label={<>Agent id <span className="text-faint">(optional)</span></>}>
          <Input id={`${fieldId}-agent`} value={fields.agentId} maxLength={64} className="font-mono" onChange={set("agentId")} />
        </Field>
      )}
      <Field id={`${fieldId}-remove`} label={<>Take finished sends off after (minutes) <span className="text-faint">(empty: keep)</span></>}>
        <Input id={`${fieldId}-remove`} inputMode="numeric" value={fields.removeAfterMinutes} onChange={set("removeAfterMinutes")} />
      </Field>
      <div className="sm:col-span-2 lg:col-span-3">
        <Button type="submit" disabled={create.isPending || update.isPending}>
          {existing ? "Save changes" : "Follow this connection"}
        </Button>
        {error && (
          <p role="alert" className="mt-2 text-sm text-notice-warning">
            {error}
          </p>
        )}
      </div>
    </form>
  );
}

function fieldsOf(rule: AutoWatchRule | null) {
  return {
    nameContains: rule?.nameContains ?? "",
    template: rule?.template ?? "",
    agentId: rule?.agentId ?? "",
    removeAfterMinutes: rule?.removeAfterMinutes === null || rule === null ? "" : String(rule.removeAfterMinutes),
  };
}
