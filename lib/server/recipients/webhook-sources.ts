import "server-only";
import type { Kysely } from "kysely";
import type { ProviderId } from "@/lib/providers/provider-id";
import type { RecipientRow } from "@/lib/recipient-row";
import type { Database } from "../db/schema";
import { readSendGridRecipients } from "../hooks";
import { NO_REASON } from "./recipient-filters";

/** Rows of a provider whose recipients arrive only as webhook events (capabilities.recipients "webhook"). */
export type WebhookRecipientSource = (
  db: Kysely<Database>,
  q: {
    connectionId: string;
    batchId: string;
    outcome?: "failure" | "success" | "pending" | "active";
    query?: string;
    cursor?: string | null;
    pageSize: number;
  },
) => Promise<{
  items: RecipientRow[];
  nextCursor: string | null;
  reasons: { reason: string; count: number }[];
}>;

// Filled in by each provider's webhook folder as it is merged; until then such a provider answers supported: false.
export const WEBHOOK_RECIPIENT_SOURCES: Partial<Record<ProviderId, WebhookRecipientSource>> = {
  sendgrid: async (db, q) => {
    const page = await readSendGridRecipients(db, q);
    return {
      ...page,
      reasons: page.reasons.map(({ reason, count }) => ({
        reason: reason?.trim() || NO_REASON,
        count,
      })),
    };
  },
};
