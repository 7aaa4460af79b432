"use client";

import { useMutation } from "@tanstack/react-query";
import { useId, useState } from "react";
import type { FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Input } from "@/components/ui/input";
import { inviteUserOptions } from "@/lib/queries/users";
import { inviteUserSchema } from "@/lib/team-user";
import type { InvitedUser, UserRole } from "@/lib/team-user";
import { Field } from "@/components/ui/field";
import { FormError } from "../../_components/form-error";
import { InviteLink } from "./invite-link";
import { RoleSelect } from "./role-select";

export function InviteUserForm() {
  const fieldId = useId();
  const [email, setEmail] = useState("");
  const [name, setName] = useState("");
  const [role, setRole] = useState<UserRole>("member");
  const [error, setError] = useState<string | null>(null);
  const [invited, setInvited] = useState<InvitedUser | null>(null);
  const invite = useMutation(inviteUserOptions());

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const parsed = inviteUserSchema.safeParse({ email, name, role });
    if (!parsed.success) return setError(parsed.error.issues[0]?.message ?? "Check the fields and try again.");
    setError(null);
    setInvited(null);
    invite.mutate(parsed.data, {
      onSuccess: (answer) => {
        setInvited(answer);
        setEmail("");
        setName("");
      },
      onError: (failure) => setError(`Could not invite: ${failure.message}`),
    });
  }

  return (
    <Card title="Invite someone" description="No email is sent: you get a one-time link to pass on yourself.">
      <form noValidate onSubmit={submit} aria-label="Invite someone" data-testid="invite-user-form">
        <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-[minmax(0,1.5fr)_minmax(0,1fr)_10rem_auto] lg:items-end">
          <Field id={`${fieldId}-email`} label="Email">
            <Input id={`${fieldId}-email`} type="email" value={email} autoComplete="off" onChange={(event) => setEmail(event.target.value)} />
          </Field>
          <Field id={`${fieldId}-name`} label="Name">
            <Input id={`${fieldId}-name`} value={name} maxLength={80} onChange={(event) => setName(event.target.value)} />
          </Field>
          <Field id={`${fieldId}-role`} label="Role">
            <RoleSelect id={`${fieldId}-role`} value={role} onChange={setRole} />
          </Field>
          <Button type="submit" disabled={invite.isPending}>
            {invite.isPending ? "Inviting…" : "Create invite link"}
          </Button>
        </div>
        <FormError message={error} testId="invite-error" />
      </form>
      {invited && <InviteLink invited={invited} />}
    </Card>
  );
}
