"use client";

import { useQuery } from "@tanstack/react-query";
import { Notice } from "@/components/ui/notice";
import { useNow } from "@/lib/hooks/use-now";
import { apiTokensQueryOptions } from "@/lib/queries/api-tokens";
import { SettingsHeading } from "../../_components/settings-heading";
import { ApiTokenRow } from "./api-token-row";
import { CreateApiTokenForm } from "./create-api-token-form";

export function ApiTokensManager() {
  const list = useQuery(apiTokensQueryOptions());
  // Expiry is shown as a state; a minute's lag in noticing it is fine.
  const now = useNow(60_000);
  return (
    <div className="space-y-6 sm:space-y-8">
      <SettingsHeading title="API tokens">
        For the systems that start sends: a CRM job, a cron script, a CI step. Send a token as
        <code className="mx-1 font-mono text-sm">Authorization: Bearer sb_…</code>
        to the JSON API. A member token reads boards and batches; an operator token may also act on
        sends and add batches to boards. Neither manages people, connections or tokens.
      </SettingsHeading>
      <CreateApiTokenForm />
      {list.isError && (
        <Notice tone="warning" title="Could not load the API tokens" data-testid="api-tokens-error">
          {list.error.message}
        </Notice>
      )}
      {list.isPending && <p className="text-muted">Loading API tokens…</p>}
      {list.data && list.data.length === 0 && <p className="text-muted">No API tokens yet.</p>}
      {list.data && list.data.length > 0 && (
        <ul className="space-y-3" aria-label="API tokens">
          {list.data.map((token) => (
            <ApiTokenRow key={token.id} token={token} now={now} />
          ))}
        </ul>
      )}
    </div>
  );
}
