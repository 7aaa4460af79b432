import { getCsrfToken } from "next-auth/react";

// next-auth's signIn() reads every answer as its own JSON: a 429 from the throttle, with its
// Retry-After, would be lost. The same form post, read here.

export type SignInResult =
  | { outcome: "signed_in" }
  | { outcome: "wrong_credentials" }
  | { outcome: "throttled"; retryAfterSeconds: number | null }
  | { outcome: "failed" };

export async function signInWithPassword(email: string, password: string): Promise<SignInResult> {
  const csrfToken = await getCsrfToken();
  if (!csrfToken) return { outcome: "failed" };
  const response = await fetch("/api/auth/callback/credentials", {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ email, password, csrfToken, json: "true" }),
    credentials: "same-origin",
    cache: "no-store",
  });
  if (response.status === 429) {
    const seconds = Number(response.headers.get("retry-after"));
    return { outcome: "throttled", retryAfterSeconds: Number.isFinite(seconds) && seconds > 0 ? seconds : null };
  }
  if (response.status === 401) return { outcome: "wrong_credentials" };
  return response.ok ? { outcome: "signed_in" } : { outcome: "failed" };
}

/** "in 14 minutes", "in a minute", or "in a few minutes" when the server did not say. */
export function retryAfterWords(seconds: number | null): string {
  if (seconds === null) return "in a few minutes";
  const minutes = Math.ceil(seconds / 60);
  return minutes <= 1 ? "in a minute" : `in ${minutes} minutes`;
}
