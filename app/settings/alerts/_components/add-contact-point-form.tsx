"use client";

import { useMutation } from "@tanstack/react-query";
import { useId, useState } from "react";
import type { FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { CONTACT_POINT_TYPES, createContactPointSchema, type ContactPointType } from "@/lib/alerts";
import { addContactPointOptions } from "@/lib/queries/alerts";
import { FormError } from "../../_components/form-error";
import { CONTACT_POINT_LABELS } from "./labels";

const PLACEHOLDERS = { slack: "https://hooks.slack.com/services/…", webhook: "https://alerts.example.com/sendboard", email: "oncall@example.com" } satisfies Record<ContactPointType, string>;

export function AddContactPointForm() {
  const fieldId = useId();
  const [type, setType] = useState<ContactPointType>("slack");
  const [name, setName] = useState("");
  const [destination, setDestination] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [secret, setSecret] = useState<string | null>(null);
  const add = useMutation(addContactPointOptions());

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setSecret(null);
    const parsed = createContactPointSchema.safeParse({ type, name, ...(type === "email" ? { to: destination } : { url: destination }) });
    if (!parsed.success) return setError(parsed.error.issues[0]?.message ?? "Check the fields and try again.");
    setError(null);
    add.mutate(parsed.data, {
      onSuccess: (created) => {
        setDestination("");
        setName("");
        setSecret(created.secret ?? null);
      },
      onError: (failure) => setError(`Could not add the contact point: ${failure.message}`),
    });
  }

  return (
    <form noValidate onSubmit={submit} aria-label="Add a contact point" data-testid="add-contact-point-form">
      <div className="grid gap-3 sm:grid-cols-[9rem_minmax(0,1fr)_minmax(0,2fr)] sm:items-end">
        <Field id={`${fieldId}-type`} label="Type">
          <Select id={`${fieldId}-type`} value={type} onChange={(event) => setType(event.target.value as ContactPointType)}>
            {CONTACT_POINT_TYPES.map((value) => (
              <option key={value} value={value}>
                {CONTACT_POINT_LABELS[value]}
              </option>
            ))}
          </Select>
        </Field>
        <Field id={`${fieldId}-name`} label="Name">
          <Input id={`${fieldId}-name`} value={name} maxLength={80} placeholder="e.g. #sends" onChange={(event) => setName(event.target.value)} />
        </Field>
        <Field id={`${fieldId}-destination`} label={type === "email" ? "Address" : "URL"}>
          <Input
            id={`${fieldId}-destination`}
            type={type === "email" ? "email" : "url"}
            value={destination}
            autoComplete="off"
            spellCheck={false}
            className="font-mono"
            placeholder={PLACEHOLDERS[type]}
            onChange={(event) => setDestination(event.target.value)}
          />
        </Field>
      </div>
      <div className="mt-3">
        <Button type="submit" disabled={add.isPending}>
          {add.isPending ? "Saving…" : "Add contact point"}
        </Button>
      </div>
      <FormError message={error} testId="contact-point-form-error" />
      {secret && (
        <div role="status" className="mt-3 rounded-md border border-notice-info/40 bg-notice-info/10 p-3 text-sm">
          <p>
            The webhook&apos;s signing secret, shown this once: receivers check <code>Sendboard-Signature</code> with it.
          </p>
          <code className="mt-2 block break-all font-mono" data-testid="contact-point-secret">
            {secret}
          </code>
        </div>
      )}
    </form>
  );
}
