"use client";

import { useMutation } from "@tanstack/react-query";
import { useId, useState } from "react";
import type { FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { API_TOKEN_ROLE_LABELS, API_TOKEN_ROLES, createApiTokenSchema } from "@/lib/api-token";
import type { ApiTokenRole, CreatedApiToken } from "@/lib/api-token";
import { createApiTokenOptions } from "@/lib/queries/api-tokens";
import { FormError } from "../../_components/form-error";
import { CreatedApiTokenNotice } from "./created-api-token";

// Empty: never expires.
const EXPIRY_CHOICES = [
  { days: "", label: "Never" },
  { days: "30", label: "30 days" },
  { days: "90", label: "90 days" },
  { days: "365", label: "1 year" },
] as const;

export function CreateApiTokenForm() {
  const fieldId = useId();
  const [name, setName] = useState("");
  const [role, setRole] = useState<ApiTokenRole>("member");
  const [days, setDays] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [created, setCreated] = useState<CreatedApiToken | null>(null);
  const create = useMutation(createApiTokenOptions());

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const parsed = createApiTokenSchema.safeParse({ name, role, ...(days && { expiresInDays: Number(days) }) });
    if (!parsed.success) return setError(parsed.error.issues[0]?.message ?? "Check the fields and try again.");
    setError(null);
    setCreated(null);
    create.mutate(parsed.data, {
      onSuccess: (answer) => {
        setCreated(answer);
        setName("");
      },
      onError: (failure) => setError(`Could not create the token: ${failure.message}`),
    });
  }

  return (
    <Card title="Create a token" description="The token is shown once, right here. Revoke it below when the system that uses it goes away.">
      <form noValidate onSubmit={submit} aria-label="Create a token" data-testid="create-api-token-form">
        <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-[minmax(0,1.5fr)_minmax(0,1.5fr)_10rem_auto] lg:items-end">
          <Field id={`${fieldId}-name`} label="Name">
            <Input id={`${fieldId}-name`} value={name} maxLength={80} placeholder="CRM nightly job" onChange={(event) => setName(event.target.value)} />
          </Field>
          <Field id={`${fieldId}-role`} label="Role">
            <Select id={`${fieldId}-role`} value={role} onChange={(event) => setRole(event.target.value as ApiTokenRole)}>
              {API_TOKEN_ROLES.map((value) => (
                <option key={value} value={value}>
                  {API_TOKEN_ROLE_LABELS[value]}
                </option>
              ))}
            </Select>
          </Field>
          <Field id={`${fieldId}-expiry`} label="Expires">
            <Select id={`${fieldId}-expiry`} value={days} onChange={(event) => setDays(event.target.value)}>
              {EXPIRY_CHOICES.map((choice) => (
                <option key={choice.days} value={choice.days}>
                  {choice.label}
                </option>
              ))}
            </Select>
          </Field>
          <Button type="submit" disabled={create.isPending}>
            {create.isPending ? "Creating…" : "Create token"}
          </Button>
        </div>
        <FormError message={error} testId="create-api-token-error" />
      </form>
      {created && <CreatedApiTokenNotice created={created} />}
    </Card>
  );
}
