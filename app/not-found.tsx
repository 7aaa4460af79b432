import Link from "next/link";
import { Notice } from "@/components/ui/notice";

export default function NotFound() {
  return (
    <Notice tone="neutral" title="Nothing here" large data-testid="page-not-found">
      <p>This address does not match a page or a provider Sendboard knows.</p>
      <p className="mt-3">
        <Link href="/" className="font-medium text-ink underline">
          Back to watched batches
        </Link>
      </p>
    </Notice>
  );
}
