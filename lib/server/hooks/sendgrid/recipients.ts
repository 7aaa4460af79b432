import "server-only";
import type { Kysely } from "kysely";
import type { Outcome } from "@/lib/batch-snapshot";
import type { RecipientRow } from "@/lib/recipient-row";
import type { Database } from "../../db/schema";
import { isMessageStatus, type MessageStatus } from "./message-state";

const OUTCOME_OF: Record<MessageStatus, Outcome> = {
  new: "pending",
  processed: "pending",
  deferred: "active",
  delivered: "success",
  bounced: "failure",
  blocked: "failure",
  dropped: "failure",
};
const STATUSES_OF = (outcome: Outcome) =>
  (Object.keys(OUTCOME_OF) as MessageStatus[]).filter(
    (status) => status !== "new" && OUTCOME_OF[status] === outcome,
  );
const FAILED = STATUSES_OF("failure");

export type SendGridRecipientQuery = {
  connectionId: string;
  batchId: string;
  outcome?: "failure" | "success" | "pending" | "active";
  query?: string;
  cursor?: string | null;
  pageSize: number;
};

/** `reason` null: SendGrid gave none. */
export type SendGridRecipientPage = {
  items: RecipientRow[];
  nextCursor: string | null;
  reasons: { reason: string | null; count: number }[];
};

const MAX_OFFSET = 1_000_000;

/** A batch's messages as the webhook told them, newest change first; failures grouped by reason. */
export async function readSendGridRecipients(
  db: Kysely<Database>,
  q: SendGridRecipientQuery,
): Promise<SendGridRecipientPage> {
  const offset =
    q.cursor && /^\d{1,7}$/.test(q.cursor) ? Math.min(Number(q.cursor), MAX_OFFSET) : 0;
  const text = q.query?.trim().toLowerCase() ?? "";
  let rows = db
    .selectFrom("sendgrid_messages")
    .select(["message_key", "email", "status", "reason", "opened", "clicked", "updated_at"])
    .where("connection_id", "=", q.connectionId)
    .where("batch_tag", "=", q.batchId)
    .where(
      "status",
      "in",
      q.outcome
        ? STATUSES_OF(q.outcome)
        : Object.keys(OUTCOME_OF).filter((status) => status !== "new"),
    );
  if (text) {
    const like = `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    rows = rows.where((eb) =>
      eb.or([
        eb(eb.fn("lower", [eb.fn.coalesce("email", eb.val(""))]), "like", like),
        eb("status", "like", like),
        eb(eb.fn("lower", [eb.fn.coalesce("reason", eb.val(""))]), "like", like),
      ]),
    );
  }
  const found = await rows
    .orderBy("updated_at", "desc")
    .orderBy("message_key")
    .limit(q.pageSize + 1)
    .offset(offset)
    .execute();
  const reasons = await db
    .selectFrom("sendgrid_messages")
    .select((eb) => ["reason", eb.fn.countAll<number | string | bigint>().as("count")])
    .where("connection_id", "=", q.connectionId)
    .where("batch_tag", "=", q.batchId)
    .where("status", "in", FAILED)
    .groupBy("reason")
    .execute();
  return {
    items: found.slice(0, q.pageSize).map(toRow),
    nextCursor: found.length > q.pageSize ? String(offset + q.pageSize) : null,
    reasons: reasons
      .map((row) => ({ reason: row.reason, count: Number(row.count) }))
      .sort((a, b) => b.count - a.count),
  };
}

function toRow(row: {
  email: string | null;
  status: string;
  reason: string | null;
  opened: number;
  clicked: number;
  updated_at: string;
}): RecipientRow {
  const status = isMessageStatus(row.status) ? row.status : "new";
  return {
    recipient: row.email ?? "",
    status,
    outcome: OUTCOME_OF[status],
    reason: row.reason,
    at: row.updated_at,
    details: { opened: row.opened === 1, clicked: row.clicked === 1 },
  };
}
