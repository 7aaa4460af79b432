import type { Metadata } from "next";
import { Card } from "@/components/ui/card";
import { findInvite } from "@/lib/server/people";
import { publicContext } from "@/lib/server/service-context";
import { getSignInChoices } from "@/lib/server/sso";
import { SsoButton } from "@/components/auth/sso-button";
import { InviteUnusable } from "./_components/invite-unusable";
import { SetPasswordForm } from "./_components/set-password-form";

export const metadata: Metadata = { title: "Set your password" };

type InvitePageProps = { params: Promise<{ token: string }> };

// Public: the token in the URL is the proof, checked here and again when the form posts.
export default async function InvitePage({ params }: InvitePageProps) {
  const { token } = await params;
  const invite = await findInvite(await publicContext(), { token });
  if (invite.status !== "valid") return <InviteUnusable expired={invite.status === "expired"} />;
  const { sso, passwords } = getSignInChoices();
  // With passwords off there is none to choose: signing in with SSO under this email accepts the invite.
  if (sso && passwords === "recovery_only") {
    return (
      <div className="mx-auto max-w-md pt-6 sm:pt-16">
        <Card>
          <h1 className="text-2xl font-semibold">Welcome, {invite.name}</h1>
          <p className="mt-1 mb-6 text-muted">
            Sign in with {sso.label} as <span className="text-ink">{invite.email}</span> to join.
          </p>
          <SsoButton label={sso.label} callbackPath="/" />
        </Card>
      </div>
    );
  }
  return (
    <div className="mx-auto max-w-md pt-6 sm:pt-16">
      <Card>
        <h1 className="text-2xl font-semibold">Welcome, {invite.name}</h1>
        <p className="mt-1 mb-6 text-muted">
          Choose a password for <span className="text-ink">{invite.email}</span>, then sign in.
        </p>
        <SetPasswordForm token={token} email={invite.email} />
      </Card>
    </div>
  );
}
