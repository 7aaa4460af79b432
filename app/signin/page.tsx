import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { Card } from "@/components/ui/card";
import { getSessionUser } from "@/lib/server/session";
import { safeCallbackPath } from "./_components/safe-callback-path";
import { SignInForm } from "./_components/sign-in-form";

export const metadata: Metadata = { title: "Sign in" };

type SignInPageProps = { searchParams: Promise<Record<string, string | string[] | undefined>> };

// next-auth sends people here with ?error=… after a failed redirect-based sign-in.
function messageFor(error: string | string[] | undefined): string | null {
  if (error === undefined) return null;
  if (error === "CredentialsSignin")
    return "That email and password do not match. Check both and try again.";
  if (error === "SessionRequired") return "Sign in to see this page.";
  return "Sign-in did not work. Try again.";
}

export default async function SignInPage({ searchParams }: SignInPageProps) {
  const { callbackUrl, error } = await searchParams;
  const callbackPath = safeCallbackPath(callbackUrl);
  if (await getSessionUser()) redirect(callbackPath);
  return (
    <div className="mx-auto max-w-md pt-6 sm:pt-16">
      <Card>
        <h1 className="text-2xl font-semibold">Sign in to Sendboard</h1>
        <p className="mt-1 mb-6 text-muted">Watch your team&apos;s sends as they happen.</p>
        <SignInForm callbackPath={callbackPath} initialError={messageFor(error)} />
      </Card>
    </div>
  );
}
