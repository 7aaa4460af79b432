"use client";

import { useId, useState } from "react";
import type { FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { retryAfterWords, signInWithPassword } from "@/lib/sign-in.client";

const WRONG_CREDENTIALS = "That email and password do not match. Check both and try again.";

type SignInFormProps = {
  /** Already checked to be a path on this site. */
  callbackPath: string;
  initialError: string | null;
};

export function SignInForm({ callbackPath, initialError }: SignInFormProps) {
  const fieldId = useId();
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [error, setError] = useState<string | null>(initialError);
  const [pending, setPending] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (email.trim() === "" || password === "") {
      setError("Enter your email and password.");
      return;
    }
    setPending(true);
    setError(null);
    try {
      const result = await signInWithPassword(email.trim(), password);
      if (result.outcome === "signed_in") {
        // A full load, so the header and every server component see the new session; replace,
        // so Back does not return to this form.
        window.location.replace(callbackPath);
        return;
      }
      setError(
        result.outcome === "throttled"
          ? `Too many failed attempts from this network. Try again ${retryAfterWords(result.retryAfterSeconds)}.`
          : result.outcome === "wrong_credentials"
            ? WRONG_CREDENTIALS
            : "Could not sign in right now. Try again in a moment.",
      );
    } catch {
      setError("Could not reach the server. Check the connection and try again.");
    }
    setPending(false);
  }

  return (
    <form onSubmit={submit} noValidate className="space-y-4" data-testid="signin-form">
      <Field id={`${fieldId}-email`} label="Email">
        <Input
          id={`${fieldId}-email`}
          name="email"
          type="email"
          autoComplete="username"
          required
          value={email}
          onChange={(event) => setEmail(event.target.value)}
        />
      </Field>
      <Field id={`${fieldId}-password`} label="Password">
        <Input
          id={`${fieldId}-password`}
          name="password"
          type="password"
          autoComplete="current-password"
          required
          value={password}
          onChange={(event) => setPassword(event.target.value)}
        />
      </Field>
      {error && (
        <p
          role="alert"
          data-testid="signin-error"
          className="rounded-md border border-notice-warning/40 bg-notice-warning/10 p-3 text-sm text-notice-warning"
        >
          {error}
        </p>
      )}
      <Button type="submit" size="lg" disabled={pending} className="w-full">
        {pending ? "Signing in…" : "Sign in"}
      </Button>
    </form>
  );
}
