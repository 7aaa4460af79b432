import Link from "next/link";
import { Notice } from "@/components/ui/notice";

/** What a member sees instead of an admin page: no data, just why and where to go. */
export function AdminsOnly({ what }: { what: string }) {
  return (
    <Notice tone="neutral" title="Admins only" large data-testid="admins-only">
      <p>Only an admin of your team can manage {what}. Ask one if something here needs changing.</p>
      <p className="mt-3">
        <Link href="/" className="font-medium text-ink underline">
          Back to watched batches
        </Link>
      </p>
    </Notice>
  );
}
