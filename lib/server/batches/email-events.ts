import "server-only";
import type { EmailEventsTally } from "@/lib/providers/email-events-tally";
import { profileOf } from "@/lib/providers/profiles";
import { getDb } from "../db/database";
import type { PollKey } from "../polling";

/**
 * What the provider's event webhook counted for this batch (SendGrid's, tagged with the batch id),
 * read on every poll so the snapshot carries it; null for other providers or before any event.
 */
export async function emailEventsOf(key: PollKey): Promise<EmailEventsTally | null> {
  if (profileOf(key.provider).capabilities.webhooks?.events !== "email-events") return null;
  const db = await getDb();
  const row = await db
    .selectFrom("sendgrid_tallies")
    .selectAll()
    .where("connection_id", "=", key.connectionId)
    .where("batch_tag", "=", key.batchId)
    .executeTakeFirst();
  if (!row) return null;
  return {
    processed: Number(row.processed),
    deferred: Number(row.deferred),
    delivered: Number(row.delivered),
    bounced: Number(row.bounced),
    blocked: Number(row.blocked),
    dropped: Number(row.dropped),
    opened: Number(row.opened),
    clicked: Number(row.clicked),
    events: Number(row.events),
    firstEventAt: row.first_event_at,
    lastReceivedAt: row.last_received_at,
  };
}
