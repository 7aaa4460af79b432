import "server-only";
import type { Outcome } from "@/lib/batch-snapshot";
import type { RecipientRow } from "@/lib/recipient-row";
import { parsePayload } from "../payload";
import { readEach } from "../read-each";
import { compactDetails } from "../snapshot-parts";
import { hasNextPage, mindoMessageSchema, mindoPageSchema } from "./page-schema";
import type { MindoMessage } from "./page-schema";
import { mindoProfile } from "./profile";

const NAME = mindoProfile.name;

// sent → delivered → read, or failed: the batch transform counts the first three as successes.
const OUTCOMES: Readonly<Record<string, Outcome>> = {
  sent: "success",
  delivered: "success",
  read: "success",
  failed: "failure",
};

export type MindoMessagePage = { items: RecipientRow[]; hasMore: boolean; notes: string[] };

/** GET …/bulk-sends/{id}/messages/ → recipient rows; an unknown status is kept and counted as in flight. */
export function normalizeMindoMessagePage(
  raw: unknown,
  { page, pageSize }: { page: number; pageSize: number },
): MindoMessagePage {
  const envelope = parsePayload(mindoPageSchema, raw, NAME);
  const { read, notes } = readEach(
    envelope.results,
    (item) => {
      const parsed = mindoMessageSchema.safeParse(item);
      return parsed.success ? messageRow(parsed.data) : null;
    },
    ["message on this page", "messages on this page"],
  );
  return { items: read, hasMore: hasNextPage(envelope, page, pageSize), notes };
}

function messageRow(message: MindoMessage): RecipientRow {
  const outcome = OUTCOMES[message.status.trim().toLowerCase()] ?? "active";
  return {
    recipient: message.recipient_phone,
    status: message.status,
    outcome,
    reason: outcome === "failure" ? message.error_message : null,
    at: message.read_at ?? message.delivered_at ?? message.sent_at,
    details: compactDetails({
      messageId: message.id,
      whatsappMessageId: message.meta_message_id,
      sentAt: message.sent_at,
      deliveredAt: message.delivered_at,
      readAt: message.read_at,
    }),
  };
}
