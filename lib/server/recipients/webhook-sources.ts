import "server-only";
import type { Kysely } from "kysely";
import type { ProviderId } from "@/lib/providers/provider-id";
import type { RecipientRow } from "@/lib/recipient-row";
import type { Database } from "../db/schema";

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
) => Promise<{ items: RecipientRow[]; nextCursor: string | null; reasons: { reason: string; count: number }[] }>;

// Filled in by each provider's webhook folder as it is merged ("sendgrid-hook" adds SendGrid's);
// until then such a provider answers supported: false.
export const WEBHOOK_RECIPIENT_SOURCES: Partial<Record<ProviderId, WebhookRecipientSource>> = {};
