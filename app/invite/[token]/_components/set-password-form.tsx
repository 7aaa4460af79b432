"use client";

import { useMutation } from "@tanstack/react-query";
import { useId, useState } from "react";
import type { FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { isApiError } from "@/lib/api-client";
import { acceptInviteOptions } from "@/lib/queries/users";
import { acceptInviteSchema, PASSWORD_MIN_LENGTH } from "@/lib/team-user";

export function SetPasswordForm({ token, email }: { token: string; email: string }) {
  const fieldId = useId();
  const [password, setPassword] = useState("");
  const [repeat, setRepeat] = useState("");
  const [error, setError] = useState<string | null>(null);
  const accept = useMutation(acceptInviteOptions(token));

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const parsed = acceptInviteSchema.safeParse({ password });
    if (!parsed.success) return setError(parsed.error.issues[0]?.message ?? "Choose another password.");
    if (password !== repeat) return setError("The two passwords differ. Type the same one twice.");
    setError(null);
    accept.mutate(parsed.data.password, {
      // Replace, so Back does not return to a spent link.
      onSuccess: () => window.location.replace("/signin"),
      onError: (failure) =>
        setError(isApiError(failure, "not_found", "invite_expired") ? `${failure.message} Ask an admin for a new link.` : `Could not set the password: ${failure.message}`),
    });
  }

  return (
    <form onSubmit={submit} noValidate className="space-y-4" data-testid="set-password-form">
      {/* Lets password managers save the new password under the right account. */}
      <input type="email" name="username" autoComplete="username" value={email} readOnly hidden />
      <Field id={`${fieldId}-password`} label="New password">
        <Input id={`${fieldId}-password`} type="password" autoComplete="new-password" value={password} onChange={(event) => setPassword(event.target.value)} />
        <p className="mt-1 text-xs text-faint">At least {PASSWORD_MIN_LENGTH} characters.</p>
      </Field>
      <Field id={`${fieldId}-repeat`} label="Repeat the password">
        <Input id={`${fieldId}-repeat`} type="password" autoComplete="new-password" value={repeat} onChange={(event) => setRepeat(event.target.value)} />
      </Field>
      {error && (
        <p role="alert" data-testid="set-password-error" className="rounded-md border border-notice-warning/40 bg-notice-warning/10 p-3 text-sm text-notice-warning">
          {error}
        </p>
      )}
      <Button type="submit" size="lg" disabled={accept.isPending || accept.isSuccess} className="w-full">
        {accept.isSuccess ? "Password set. Opening sign in…" : accept.isPending ? "Setting the password…" : "Set password"}
      </Button>
    </form>
  );
}
