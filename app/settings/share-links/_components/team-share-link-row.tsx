import Link from "next/link";
import { ShareLinkTimes } from "@/components/share/share-link-times";
import { Button } from "@/components/ui/button";
import { batchPagePath } from "@/lib/batch-page-path";
import { EMPTY_VALUE } from "@/lib/format";
import { PROVIDER_INFO } from "@/lib/providers/provider-id";
import type { ShareLink } from "@/lib/share-link";

type TeamShareLinkRowProps = { link: ShareLink; now: number; revoking: boolean; onRevoke: () => void };

function TargetCell({ target }: { target: ShareLink["target"] }) {
  if (target.kind === "board") {
    return (
      <Link href={`/boards/${encodeURIComponent(target.boardId)}`} className="underline">
        Board: {target.boardName}
      </Link>
    );
  }
  return (
    <Link href={batchPagePath(target.provider, target.batchId, target.connectionId)} className="underline">
      {PROVIDER_INFO[target.provider].name} batch <span className="font-mono text-xs">{target.batchId}</span>
    </Link>
  );
}

export function TeamShareLinkRow({ link, now, revoking, onRevoke }: TeamShareLinkRowProps) {
  return (
    <tr data-testid="team-share-link-row" data-link-id={link.id} data-kind={link.target.kind} className="border-t border-line">
      <td className="py-2 pr-4" data-testid="share-link-name">
        {link.name ?? <span className="text-faint">{EMPTY_VALUE}</span>}
      </td>
      <td className="py-2 pr-4">
        <TargetCell target={link.target} />
      </td>
      <td className="py-2 pr-4" data-testid="share-link-creator">
        {link.createdBy?.name ?? <span className="text-faint">a removed user</span>}
      </td>
      <ShareLinkTimes link={link} now={now} />
      <td className="py-2 pr-4 font-mono text-xs">{link.frameOrigin ?? EMPTY_VALUE}</td>
      <td className="py-2 text-right">
        {link.canRevoke && (
          <Button variant="ghost" size="sm" disabled={revoking} onClick={onRevoke} data-testid="revoke-share-link">
            {revoking ? "Revoking…" : "Revoke"}
          </Button>
        )}
      </td>
    </tr>
  );
}
