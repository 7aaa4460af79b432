"use client";

import { useMutation, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { RelativeTime } from "@/components/ui/relative-time";
import { BOLNA_WEBHOOK_SOURCE } from "@/lib/bolna-hook";
import { useNow } from "@/lib/hooks/use-now";
import { bolnaHookQueryOptions, rotateBolnaHookOptions, setBolnaHookAllowlistOptions } from "@/lib/queries/bolna-hook";
import { FormError } from "../../_components/form-error";
import { CreatedHookUrl } from "./created-hook-url";

/** A Bolna connection's hook URL: made or rotated here, its last event, its source allowlist. */
export function BolnaHookPanel({ connectionId }: { connectionId: string }) {
  const status = useQuery(bolnaHookQueryOptions(connectionId));
  const rotate = useMutation(rotateBolnaHookOptions(connectionId));
  const allow = useMutation(setBolnaHookAllowlistOptions(connectionId));
  const [draft, setDraft] = useState<string | null>(null);
  const now = useNow();
  const hook = status.data;
  const allowlistText = draft ?? hook?.allowlist.join(", ") ?? "";

  return (
    <section data-testid="bolna-hook" className="mt-4 space-y-3 border-t border-line pt-4 text-sm" aria-label="Bolna webhook">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <div>
          <p className="font-semibold">Execution webhook</p>
          <p className="text-muted">
            Bolna posts every call&apos;s status change here, so batch pages update between polls. Paste the URL into the agent&apos;s
            &ldquo;Push all execution data to webhook&rdquo; setting.
          </p>
        </div>
        <Button variant="secondary" size="sm" disabled={rotate.isPending || status.isPending} onClick={() => rotate.mutate()}>
          {hook?.configured ? "Rotate URL" : "Create hook URL"}
        </Button>
      </div>
      {rotate.data && <CreatedHookUrl url={rotate.data.url} />}
      {hook?.configured && (
        <dl className="flex flex-wrap gap-x-6 gap-y-1">
          <div className="flex gap-1.5">
            <dt className="text-faint">Last event</dt>
            <dd data-testid="bolna-hook-last-event">{hook.lastEventAt ? <RelativeTime value={hook.lastEventAt} now={now} /> : "none yet"}</dd>
          </div>
          <div className="flex gap-1.5">
            <dt className="text-faint">Events (7 days)</dt>
            <dd data-testid="bolna-hook-events">{hook.eventsReceived.toLocaleString("en")}</dd>
          </div>
          <div className="flex gap-1.5">
            <dt className="text-faint">State</dt>
            <dd data-testid="bolna-hook-live">{hook.live ? "live: batch pages update within seconds" : "quiet: polling as usual"}</dd>
          </div>
        </dl>
      )}
      {hook?.configured && (
        <form
          className="flex flex-wrap items-end gap-2"
          onSubmit={(event) => {
            event.preventDefault();
            allow.mutate(allowlistText.split(/[\s,]+/).filter(Boolean), { onSuccess: () => setDraft(null) });
          }}
        >
          <label className="min-w-0 flex-1">
            <span className="mb-1 block text-muted">Allowed source addresses (empty: any; Bolna documents {BOLNA_WEBHOOK_SOURCE})</span>
            <Input data-testid="bolna-hook-allowlist" value={allowlistText} placeholder={BOLNA_WEBHOOK_SOURCE} onChange={(event) => setDraft(event.target.value)} />
          </label>
          <Button type="submit" variant="secondary" size="sm" disabled={allow.isPending}>
            Save allowlist
          </Button>
        </form>
      )}
      <FormError message={rotate.isError ? `Could not make the hook URL: ${rotate.error.message}` : null} />
      <FormError message={allow.isError ? `Could not save the allowlist: ${allow.error.message}` : null} />
      <FormError message={status.isError ? `Could not read the hook: ${status.error.message}` : null} />
    </section>
  );
}
