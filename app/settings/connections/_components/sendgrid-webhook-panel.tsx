"use client";

import { useId, useState } from "react";
import { Input } from "@/components/ui/input";
import { RelativeTime } from "@/components/ui/relative-time";
import type { Connection } from "@/lib/connection";
import { formatCount } from "@/lib/format";
import { Detail } from "./connection-detail";

type Webhook = NonNullable<Connection["webhook"]>;

/** Where SendGrid posts its events for this connection, what arrived, and how to set it up. */
export function SendGridWebhookPanel({
  webhook,
  readOnly,
}: {
  webhook: Webhook;
  readOnly: boolean;
}) {
  // Captured once per render of the page: the relative times need a "now" that does not tick here.
  const [now] = useState(() => Date.now());
  const urlId = useId();
  return (
    <section
      data-testid="sendgrid-webhook"
      aria-label="SendGrid Event Webhook"
      className="mt-4 border-t border-line pt-4 text-sm"
    >
      <h3 className="font-semibold text-ink">Event Webhook (real counts for SendGrid batches)</h3>
      <label className="mt-2 block text-faint" htmlFor={urlId}>
        Webhook URL to paste into SendGrid
      </label>
      <Input
        id={urlId}
        readOnly
        value={webhook.url}
        data-testid="sendgrid-webhook-url"
        className="mt-1 font-mono"
        onFocus={(event) => event.target.select()}
      />
      <dl className="mt-3 flex flex-wrap gap-x-6 gap-y-1">
        <Detail
          label="Verification key"
          value={webhook.publicKeySet ? "Set" : "Not set: events are refused"}
          testId="sendgrid-webhook-key"
        />
        <Detail
          label="Batch custom arg"
          value={webhook.batchArg}
          mono
          testId="sendgrid-webhook-arg"
        />
        <div className="flex gap-1.5">
          <dt className="text-faint">Last event</dt>
          <dd className="text-ink" data-testid="sendgrid-webhook-last">
            {webhook.lastReceivedAt ? (
              <>
                {webhook.lastEvent} · <RelativeTime value={webhook.lastReceivedAt} now={now} />
              </>
            ) : (
              "None yet"
            )}
          </dd>
        </div>
        <Detail label="Events" value={formatCount(webhook.events)} testId="sendgrid-webhook-events" />
        <Detail
          label="Untagged"
          value={formatCount(webhook.untaggedEvents)}
          testId="sendgrid-webhook-untagged"
        />
      </dl>
      {webhook.untaggedEvents > 0 && (
        <p className="mt-1 text-muted">
          Untagged events came from mail without the{" "}
          <code className="font-mono">{webhook.batchArg}</code> custom arg: they are counted here,
          on no batch.
        </p>
      )}
      <ol className="mt-3 list-decimal space-y-1 pl-5 text-muted">
        <li>
          In SendGrid, open Settings → Mail Settings → Event Webhook, create a webhook with the URL
          above and choose the events (processed, delivered, deferred, bounced, dropped, opened,
          clicked).
        </li>
        <li>Turn on Signature Verification and copy the verification key SendGrid shows.</li>
        <li>
          {readOnly
            ? "Set it as SENDGRID_WEBHOOK_PUBLIC_KEY in the server's environment."
            : "Paste it here under Edit → Webhook verification key."}
        </li>
        <li>
          Tag each send with the custom arg{" "}
          <code className="font-mono">{`"custom_args": { "${webhook.batchArg}": "<batch id>" }`}</code>
          , next to its <code className="font-mono">batch_id</code>, so its events count on that
          batch.
        </li>
      </ol>
    </section>
  );
}
