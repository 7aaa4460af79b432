import "server-only";
import { PostgresAdapter, type Kysely } from "kysely";
import { sendGridProfile } from "@/lib/providers/sendgrid/profile";
import { getPoller, requestBatchPoll } from "../../batches";
import type { ResolvedConnection } from "../../connections";
import type { Database } from "../../db/schema";
import { errorName, getLogger } from "../../logger";
import { pollKeyToString, type PollKey } from "../../polling";

/**
 * Asks for a poll of each tagged batch somebody is looking at: held by this process, or (several
 * instances on PostgreSQL) published by another. A tag nobody watches costs no provider call.
 * Never rejects: the events are already committed.
 */
export async function pollTaggedBatches(
  db: Kysely<Database>,
  connection: ResolvedConnection,
  tags: readonly string[],
): Promise<void> {
  try {
    const keys = tags
      .filter((tag) => sendGridProfile.batchId.pattern.test(tag))
      .map((batchId): PollKey => ({ connectionId: connection.id, provider: "sendgrid", batchId }));
    const poller = getPoller();
    const watched = keys.filter((key) => poller.holds(key));
    const elsewhere = keys.filter((key) => !poller.holds(key));
    if (elsewhere.length > 0 && db.getExecutor().adapter instanceof PostgresAdapter) {
      const published = await db
        .selectFrom("batch_latest")
        .select("poll_key")
        .where("poll_key", "in", elsewhere.map(pollKeyToString))
        .execute();
      const ids = new Set(published.map((row) => row.poll_key));
      watched.push(...elsewhere.filter((key) => ids.has(pollKeyToString(key))));
    }
    await Promise.all(watched.map((key) => requestBatchPoll(connection, key, { waitMs: 0 })));
  } catch (error) {
    getLogger().warn({ errorName: errorName(error) }, "sendgrid webhook: asking for polls failed");
  }
}
