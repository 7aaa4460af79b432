"use client";

import { CopyableValue } from "@/components/ui/copyable-value";
import type { InvitedUser } from "@/lib/team-user";

/** The only time the link exists outside the invitee's browser: the server keeps just a hash. */
export function InviteLink({ invited }: { invited: InvitedUser }) {
  return (
    <div role="status" data-testid="invite-link" className="mt-4 rounded-md border border-notice-info/40 bg-notice-info/10 p-4 text-sm">
      <p className="font-semibold text-notice-info">Invite link for {invited.user.email}</p>
      <p className="mt-1 text-ink/80">Shown once. It works one time, for 72 hours, to set a password.</p>
      <CopyableValue value={invited.inviteUrl} noun="link" testId="invite-url" />
    </div>
  );
}
