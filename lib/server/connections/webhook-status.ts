import "server-only";
import type { Kysely } from "kysely";
import type { Database } from "../db/schema";

/** What the connection page tells about a connection's webhook: the last event, and what came untagged. */
export type SendGridWebhookStatus = {
  lastEvent: string | null;
  lastReceivedAt: string | null;
  untaggedEvents: number;
  events: number;
};

export async function sendGridWebhookStatuses(
  db: Kysely<Database>,
  connectionIds: readonly string[],
): Promise<Map<string, SendGridWebhookStatus>> {
  const statuses = new Map<string, SendGridWebhookStatus>();
  if (connectionIds.length === 0) return statuses;
  const rows = await db
    .selectFrom("sendgrid_tallies")
    .select(["connection_id", "batch_tag", "events", "last_event", "last_received_at"])
    .where("connection_id", "in", [...connectionIds])
    .execute();
  for (const row of rows) {
    const status = statuses.get(row.connection_id) ?? {
      lastEvent: null,
      lastReceivedAt: null,
      untaggedEvents: 0,
      events: 0,
    };
    const events = Number(row.events);
    status.events += events;
    if (row.batch_tag === "") status.untaggedEvents += events;
    if (status.lastReceivedAt === null || row.last_received_at > status.lastReceivedAt) {
      status.lastReceivedAt = row.last_received_at;
      status.lastEvent = row.last_event;
    }
    statuses.set(row.connection_id, status);
  }
  return statuses;
}
