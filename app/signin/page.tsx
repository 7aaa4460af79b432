import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { Card } from "@/components/ui/card";
import { getSessionUser } from "@/lib/server/session";
import { getSignInChoices } from "@/lib/server/sso";
import { safeCallbackPath } from "./_components/safe-callback-path";
import { SignInForm } from "./_components/sign-in-form";
import { SsoButton } from "@/components/auth/sso-button";

export const metadata: Metadata = { title: "Sign in" };

type SignInPageProps = { searchParams: Promise<Record<string, string | string[] | undefined>> };

// next-auth sends people here with ?error=… after a failed redirect-based sign-in.
function messageFor(error: string | string[] | undefined): string | null {
  if (error === undefined) return null;
  if (error === "CredentialsSignin")
    return "That email and password do not match. Check both and try again.";
  if (error === "SessionRequired") return "Sign in to see this page.";
  // The identity provider's answer did not match what this browser started (state, nonce, PKCE), or was stale.
  if (error === "OAuthCallback" || error === "OAuthSignin" || error === "Callback")
    return "Single sign-on could not be completed, so you were not signed in. Start again from this page.";
  return "Sign-in did not work. Try again.";
}

export default async function SignInPage({ searchParams }: SignInPageProps) {
  const { callbackUrl, error, recovery } = await searchParams;
  const callbackPath = safeCallbackPath(callbackUrl);
  if (await getSessionUser()) redirect(callbackPath);
  const { sso, passwords } = getSignInChoices();
  // With passwords off the form is for the ADMIN_EMAIL account alone, behind a link.
  const showForm = passwords === "everyone" || recovery !== undefined;
  const recoveryHref = `/signin?recovery=1&callbackUrl=${encodeURIComponent(callbackPath)}`;
  return (
    <div className="mx-auto max-w-md pt-6 sm:pt-16">
      <Card>
        <h1 className="text-2xl font-semibold">Sign in to Sendboard</h1>
        <p className="mt-1 mb-6 text-muted">Watch your team&apos;s sends as they happen.</p>
        {sso && <SsoButton label={sso.label} callbackPath={callbackPath} />}
        {sso && showForm && <p className="my-4 text-center text-sm text-muted">or with your email and password</p>}
        {showForm ? (
          <>
            {passwords === "recovery_only" && (
              <p className="mb-4 text-sm text-muted" data-testid="recovery-note">
                Password sign-in is off here: only the server&apos;s recovery admin account can use it.
              </p>
            )}
            <SignInForm callbackPath={callbackPath} initialError={messageFor(error)} />
          </>
        ) : (
          <>
            {error !== undefined && (
              <p role="alert" data-testid="signin-error" className="mt-4 rounded-md border border-notice-warning/40 bg-notice-warning/10 p-3 text-sm text-notice-warning">
                {messageFor(error)}
              </p>
            )}
            <p className="mt-6 text-center text-sm">
              <Link href={recoveryHref} className="text-muted underline">
                Recovery sign-in for the server admin
              </Link>
            </p>
          </>
        )}
      </Card>
    </div>
  );
}
