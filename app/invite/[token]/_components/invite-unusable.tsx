import Link from "next/link";
import { Notice } from "@/components/ui/notice";

export function InviteUnusable({ expired }: { expired: boolean }) {
  return (
    <div className="mx-auto max-w-xl pt-6 sm:pt-16">
      <Notice tone="neutral" large title={expired ? "This invite link has expired" : "This invite link cannot be used"} data-testid="invite-unusable">
        <p>
          {expired
            ? "Invite links work for 72 hours. Ask an admin of your team for a new one."
            : "It is not a valid link, or it was already used to set a password. Ask an admin for a new one if you still need it."}
        </p>
        <p className="mt-3">
          <Link href="/signin" className="font-medium text-ink underline">
            Go to sign in
          </Link>
        </p>
      </Notice>
    </div>
  );
}
