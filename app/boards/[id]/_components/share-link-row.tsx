import { ShareLinkTimes } from "@/components/share/share-link-times";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { EMPTY_VALUE, formatCount, formatDateTime, parseTimestamp } from "@/lib/format";
import type { ShareLink } from "@/lib/share-link";

type ShareLinkRowProps = { link: ShareLink; now: number; revoking: boolean; onRevoke: () => void };

function statusOf(link: ShareLink, now: number): "active" | "revoked" | "expired" {
  if (link.revokedAt) return "revoked";
  const expires = parseTimestamp(link.expiresAt);
  return expires !== null && now >= expires ? "expired" : "active";
}

const BADGES = {
  active: { text: "Active", tone: "text-outcome-success" },
  revoked: { text: "Revoked", tone: "text-muted" },
  expired: { text: "Expired", tone: "text-muted" },
} as const;

export function ShareLinkRow({ link, now, revoking, onRevoke }: ShareLinkRowProps) {
  const status = statusOf(link, now);
  return (
    <tr
      data-testid="share-link-row"
      data-link-id={link.id}
      data-status={status}
      className="border-t border-line"
    >
      <td className="py-2 pr-4">
        <Badge tone={BADGES[status].tone}>{BADGES[status].text}</Badge>
      </td>
      <td className="py-2 pr-4" data-testid="share-link-name">
        {link.name ?? <span className="text-faint">{EMPTY_VALUE}</span>}
      </td>
      <td className="py-2 pr-4" suppressHydrationWarning>
        {formatDateTime(link.createdAt)}
        <span className="block text-xs text-faint" data-testid="share-link-creator">
          {link.createdBy ? `by ${link.createdBy.name}` : "by a removed user"}
        </span>
      </td>
      <ShareLinkTimes link={link} now={now} />
      <td className="py-2 pr-4 font-mono text-xs" data-testid="share-link-frame-origin">
        {link.frameOrigin ?? EMPTY_VALUE}
      </td>
      <td
        className="py-2 pr-4 text-right tabular-nums"
        data-testid="share-link-views"
        data-value={link.viewCount}
      >
        {formatCount(link.viewCount)}
      </td>
      <td className="py-2 text-right">
        {status === "active" && link.canRevoke && (
          <Button
            variant="ghost"
            size="sm"
            disabled={revoking}
            onClick={onRevoke}
            data-testid="revoke-share-link"
          >
            {revoking ? "Revoking…" : "Revoke"}
          </Button>
        )}
      </td>
    </tr>
  );
}
