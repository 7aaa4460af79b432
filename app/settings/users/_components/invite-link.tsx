"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import type { InvitedUser } from "@/lib/team-user";

/** The only time the link exists outside the invitee's browser: the server keeps just a hash. */
export function InviteLink({ invited }: { invited: InvitedUser }) {
  const [copied, setCopied] = useState<"yes" | "failed" | null>(null);

  async function copy() {
    try {
      await navigator.clipboard.writeText(invited.inviteUrl);
      setCopied("yes");
    } catch {
      setCopied("failed");
    }
  }

  return (
    <div role="status" data-testid="invite-link" className="mt-4 rounded-md border border-notice-info/40 bg-notice-info/10 p-4 text-sm">
      <p className="font-semibold text-notice-info">Invite link for {invited.user.email}</p>
      <p className="mt-1 text-ink/80">Shown once. It works one time, for 72 hours, to set a password.</p>
      <div className="mt-3 flex flex-wrap items-center gap-2">
        <code data-testid="invite-url" className="min-w-0 flex-1 break-all rounded-md border border-line bg-canvas px-3 py-2 font-mono text-ink select-all">
          {invited.inviteUrl}
        </code>
        <Button variant="secondary" size="sm" onClick={() => void copy()}>
          {copied === "yes" ? "Copied" : "Copy link"}
        </Button>
      </div>
      {copied === "failed" && <p className="mt-2 text-notice-warning">Copying is blocked here: select the link and copy it by hand.</p>}
    </div>
  );
}
