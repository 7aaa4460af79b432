import type { Metadata } from "next";
import Link from "next/link";
import { Card } from "@/components/ui/card";
import type { SsoRefusal } from "@/lib/server/sso";

export const metadata: Metadata = { title: "Sign-in refused" };

type RefusedPageProps = { searchParams: Promise<Record<string, string | string[] | undefined>> };

type Wording = { title: string; body: string };

// Every reason lib/server/sso gives; anything else reads as the general one.
const REASONS: Record<SsoRefusal, Wording> = {
  domain: {
    title: "This email's domain cannot sign in here",
    body: "Your identity provider signed you in, but this Sendboard accepts accounts from its company's own email domains only. Sign in with your work account, or ask an admin to allow your domain.",
  },
  unverified_email: {
    title: "Your email address is not verified",
    body: "Your identity provider did not confirm that this email address is yours, so Sendboard cannot tell who you are. Verify it with your identity provider, then try again.",
  },
  no_email: {
    title: "Your identity provider sent no email address",
    body: "Sendboard knows people by their email. Ask your admin to let the identity provider share it (the email scope).",
  },
  linked_elsewhere: {
    title: "This email belongs to another sign-in",
    body: "A Sendboard account with this email is already linked to a different identity at your provider. Ask an admin to sort it out.",
  },
  no_team: {
    title: "Single sign-on is not set up completely",
    body: "Sendboard has no team for new people to join (OIDC_TEAM). Ask the person who runs Sendboard to check its configuration.",
  },
};

const GENERAL = { title: "Sign-in refused", body: "Sendboard could not sign you in with single sign-on." };

export default async function SignInRefusedPage({ searchParams }: RefusedPageProps) {
  const { reason } = await searchParams;
  const { title, body }: Wording = typeof reason === "string" && Object.hasOwn(REASONS, reason) ? REASONS[reason as SsoRefusal] : GENERAL;
  return (
    <div className="mx-auto max-w-md pt-6 sm:pt-16">
      <Card>
        <h1 className="text-2xl font-semibold" data-testid="signin-refused">
          {title}
        </h1>
        <p className="mt-3 text-muted">{body}</p>
        <p className="mt-6 text-sm">
          <Link href="/signin" className="underline">
            Back to sign-in
          </Link>
        </p>
      </Card>
    </div>
  );
}
