import "server-only";
import type { Kysely } from "kysely";
import { AppError } from "@/lib/errors";
import { profileOf } from "@/lib/providers/profiles";
import type { ProviderId } from "@/lib/providers/provider-id";
import { normalizeSendAt } from "@/lib/send-time-input";
import type { Database } from "../db/schema";

/**
 * Keyed like the poller's snapshot (connection id + batch id), so the poll that fetches a batch
 * finds its send time without knowing the team.
 */
export type SendTimeKey = { connectionId: string; batchId: string };

export async function findSendTime(db: Kysely<Database>, { connectionId, batchId }: SendTimeKey): Promise<string | null> {
  const row = await db
    .selectFrom("send_times")
    .select("send_at")
    .where("connection_id", "=", connectionId)
    .where("batch_id", "=", batchId)
    .executeTakeFirst();
  return row?.send_at ?? null;
}

/** Sets or (with null) forgets the send time; the moment is stored in UTC. */
export async function saveSendTime(db: Kysely<Database>, key: SendTimeKey, sendAt: string | null, now = new Date()): Promise<string | null> {
  if (sendAt === null) {
    await db.deleteFrom("send_times").where("connection_id", "=", key.connectionId).where("batch_id", "=", key.batchId).execute();
    return null;
  }
  const row = { connection_id: key.connectionId, batch_id: key.batchId, send_at: normalizeSendAt(sendAt), updated_at: now.toISOString() };
  await db
    .insertInto("send_times")
    .values(row)
    .onConflict((conflict) => conflict.columns(["connection_id", "batch_id"]).doUpdateSet({ send_at: row.send_at, updated_at: row.updated_at }))
    .execute();
  return row.send_at;
}

/** Only a provider that cannot report the send time takes one (profile.sendTime); others are told so. */
export function assertTakesSendTime(provider: ProviderId): void {
  const profile = profileOf(provider);
  if (!profile.sendTime) throw new AppError("bad_request", `${profile.name} reports its own send times: Sendboard does not store one.`);
}
