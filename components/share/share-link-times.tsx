import { RelativeTime } from "@/components/ui/relative-time";
import { EMPTY_VALUE, formatDateTime } from "@/lib/format";
import type { ShareLink } from "@/lib/share-link";

/** The two cells every list of links shows: when it stops working, and when it was last opened. */
export function ShareLinkTimes({ link, now }: { link: Pick<ShareLink, "expiresAt" | "lastUsedAt">; now: number }) {
  return (
    <>
      <td className="py-2 pr-4" suppressHydrationWarning>
        {link.expiresAt ? formatDateTime(link.expiresAt) : "Never"}
      </td>
      <td className="py-2 pr-4" data-testid="share-link-last-used">
        {link.lastUsedAt ? <RelativeTime value={link.lastUsedAt} now={now} /> : EMPTY_VALUE}
      </td>
    </>
  );
}
