"use client";

import { useQuery } from "@tanstack/react-query";
import { Card } from "@/components/ui/card";
import { Notice } from "@/components/ui/notice";
import type { ProviderId } from "@/lib/providers/provider-id";
import { connectionsQueryOptions } from "@/lib/queries/connections";
import { SettingsHeading } from "../../_components/settings-heading";
import { AddConnectionForm } from "./add-connection-form";
import { ConnectionRow } from "./connection-row";

type ConnectionsManagerProps = { defaultBudgets: Record<ProviderId, { perMinute: number }> };

export function ConnectionsManager({ defaultBudgets }: ConnectionsManagerProps) {
  const list = useQuery(connectionsQueryOptions());
  return (
    <div className="space-y-6 sm:space-y-8">
      <SettingsHeading title="Connections">
        The provider accounts Sendboard reads batches with. Several per provider are fine; keys set in the server&apos;s
        environment show here as read-only.
      </SettingsHeading>
      <AddConnectionForm />
      {list.isError && (
        <Notice tone="warning" title="Could not load the connections" data-testid="connections-error">
          {list.error.message}
        </Notice>
      )}
      {list.isPending && <p className="text-muted">Loading connections…</p>}
      {list.data?.length === 0 && (
        <Card className="border-dashed text-center" data-testid="connections-empty">
          <p className="text-muted">No connections yet. Add one above to start watching batches.</p>
        </Card>
      )}
      {list.data && list.data.length > 0 && (
        <ul className="space-y-3" aria-label="Connections">
          {list.data.map((connection) => (
            <ConnectionRow key={connection.id} connection={connection} defaultBudget={defaultBudgets[connection.provider].perMinute} />
          ))}
        </ul>
      )}
    </div>
  );
}
