"use client";

import { useMutation, useQuery } from "@tanstack/react-query";
import { Notice } from "@/components/ui/notice";
import { useNow } from "@/lib/hooks/use-now";
import { revokeShareLinkOptions, teamShareLinksQueryOptions } from "@/lib/queries/share-links";
import { SettingsHeading } from "../../_components/settings-heading";
import { TeamShareLinkRow } from "./team-share-link-row";

export function TeamShareLinks() {
  const links = useQuery(teamShareLinksQueryOptions());
  const revoke = useMutation(revokeShareLinkOptions());
  const now = useNow(30_000);
  return (
    <div className="space-y-6 sm:space-y-8">
      <SettingsHeading title="Share links">
        Every read-only link of your team that still works, to a board&apos;s wall or to one batch. Admins can revoke any of them;
        members the ones they made.
      </SettingsHeading>
      {links.isError && (
        <Notice tone="warning" title="Could not load the share links" data-testid="share-links-error">
          {links.error.message}
        </Notice>
      )}
      {revoke.isError && (
        <p role="alert" className="text-sm text-notice-warning">
          Could not revoke the link: {revoke.error.message}
        </p>
      )}
      {links.isPending && <p className="text-muted">Loading share links…</p>}
      {links.data?.length === 0 && <p className="text-faint">No live share links. Create one from a board or a batch page.</p>}
      {links.data && links.data.length > 0 && (
        <div className="overflow-x-auto">
          <table className="w-full min-w-[60rem] text-left text-sm" data-testid="team-share-links">
            <thead className="text-xs uppercase tracking-wide text-faint">
              <tr>
                <th className="py-2 pr-4 font-medium">Name</th>
                <th className="py-2 pr-4 font-medium">Shows</th>
                <th className="py-2 pr-4 font-medium">Made by</th>
                <th className="py-2 pr-4 font-medium">Expires</th>
                <th className="py-2 pr-4 font-medium">Last opened</th>
                <th className="py-2 pr-4 font-medium">Embeds on</th>
                <th className="py-2" />
              </tr>
            </thead>
            <tbody>
              {links.data.map((link) => (
                <TeamShareLinkRow
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
    </div>
  );
}
