import "server-only";
import type { BatchRef } from "@/lib/batch-ref";
import { profileOf } from "@/lib/providers/profiles";
import { getAdapter } from "@/lib/providers/registry";
import type { RecipientFilter } from "@/lib/recipients";
import { providerAccessFor, type ResolvedConnection } from "../connections";
import { getEnv } from "../env";
import { runOnDemand } from "../batches";
import { recipientList, type RecipientList } from "./recipient-lists";
import { WEBHOOK_RECIPIENT_SOURCES, type WebhookRecipientSource } from "./webhook-sources";

/** Where a batch's rows come from, as its provider's profile says. */
export type RecipientSource =
  | { kind: "none"; note: string }
  | { kind: "api"; list: RecipientList }
  | { kind: "webhook"; read: WebhookRecipientSource };

// The largest page the adapters take (Mindo 100; Bolna clamps to its 50): fewer calls per row.
const PROVIDER_PAGE_SIZE = 100;

/** What every cached list of one batch's rows is keyed under, before its outcome. */
export function recipientListPrefix(connectionId: string, { provider, batchId }: BatchRef): string {
  return [connectionId, provider, batchId, ""].join("\n");
}

export function recipientSourceFor(
  connection: ResolvedConnection,
  { provider, batchId }: BatchRef,
  outcome: RecipientFilter | undefined,
): RecipientSource {
  const { name, capabilities } = profileOf(provider);
  if (capabilities.recipients === "none")
    return { kind: "none", note: `${name} does not report its recipients one by one: only the batch's totals are shown.` };
  if (capabilities.recipients === "webhook") {
    const read = WEBHOOK_RECIPIENT_SOURCES[provider];
    if (read) return { kind: "webhook", read };
    return {
      kind: "none",
      note: `${name} reports recipients only through its Event Webhook, which Sendboard does not receive yet: the rows will arrive with it.`,
    };
  }
  const adapter = getAdapter(provider);
  const listRecipients = adapter.listRecipients?.bind(adapter);
  if (!listRecipients) return { kind: "none", note: `${name} cannot list recipients here.` };
  // One provider page is one call of the connection's budget, spent through the scheduler's lane.
  const readPage = (cursor: string | null) =>
    runOnDemand(connection, 1, () =>
      listRecipients(
        batchId,
        { outcome, cursor, pageSize: PROVIDER_PAGE_SIZE },
        { access: providerAccessFor(connection, getEnv().UPSTREAM_TIMEOUT_MS), now: new Date() },
      ),
    );
  const key = `${recipientListPrefix(connection.id, { provider, batchId })}${outcome ?? "all"}`;
  return { kind: "api", list: recipientList(key, readPage) };
}
