"use client";

import { useMutation, useQuery } from "@tanstack/react-query";
import { CreateShareLinkForm } from "@/components/share/create-share-link-form";
import { Card } from "@/components/ui/card";
import { useNow } from "@/lib/hooks/use-now";
import { revokeShareLinkOptions, shareLinksQueryOptions } from "@/lib/queries/share-links";
import { ShareLinkRow } from "./share-link-row";

export function ShareLinksPanel({ boardId }: { boardId: string }) {
  const links = useQuery(shareLinksQueryOptions(boardId));
  const revoke = useMutation(revokeShareLinkOptions());
  const now = useNow(30_000);
  return (
    <Card
      title="Share links"
      description="Read-only links to this board's wall. Anyone with a link sees the board live, nothing else."
      data-testid="share-links-panel"
    >
      <CreateShareLinkForm target={{ boardId }} />
      {links.isError && (
        <p role="alert" className="mt-4 text-sm text-notice-warning">
          Could not load the links: {links.error.message}
        </p>
      )}
      {links.data && links.data.length > 0 && (
        <div className="mt-5 overflow-x-auto">
          <table className="w-full min-w-[56rem] text-left text-sm">
            <thead className="text-xs uppercase tracking-wide text-faint">
              <tr>
                <th className="py-2 pr-4 font-medium">Status</th>
                <th className="py-2 pr-4 font-medium">Name</th>
                <th className="py-2 pr-4 font-medium">Created</th>
                <th className="py-2 pr-4 font-medium">Expires</th>
                <th className="py-2 pr-4 font-medium">Last used</th>
                <th className="py-2 pr-4 font-medium">Embeds on</th>
                <th className="py-2 pr-4 text-right font-medium">Views</th>
                <th className="py-2" />
              </tr>
            </thead>
            <tbody>
              {links.data.map((link) => (
                <ShareLinkRow
                  key={link.id}
                  link={link}
                  now={now}
                  revoking={revoke.isPending && revoke.variables === link.id}
                  onRevoke={() => revoke.mutate(link.id)}
                />
              ))}
            </tbody>
          </table>
        </div>
      )}
      {links.data?.length === 0 && <p className="mt-4 text-sm text-faint">No links yet.</p>}
    </Card>
  );
}
