import "server-only";
import type { Kysely } from "kysely";
import type { ProviderId } from "@/lib/providers/provider-id";
import type { Database } from "../db/schema";

/** One batch of one team, as a label is keyed: the same batch id on two accounts is two batches. */
export type LabelKey = {
  teamId: string;
  connectionId: string;
  provider: ProviderId;
  batchId: string;
};

/** The key's columns: the row's primary key, and the filter that finds it. */
function keyColumns(key: LabelKey) {
  return {
    team_id: key.teamId,
    connection_id: key.connectionId,
    provider: key.provider,
    batch_id: key.batchId,
  };
}

/** Sets the team's label of a batch, or clears it with null. Takes a transaction as readily as the database. */
export async function saveBatchLabel(
  db: Kysely<Database>,
  key: LabelKey,
  label: string | null,
  now: Date,
): Promise<void> {
  const row = keyColumns(key);
  if (label === null) {
    await db
      .deleteFrom("batch_labels")
      .where((eb) => eb.and(row))
      .execute();
    return;
  }
  const updatedAt = now.toISOString();
  // Two people renaming at once: the database keeps one row, the later write wins.
  await db
    .insertInto("batch_labels")
    .values({ ...row, label, updated_at: updatedAt })
    .onConflict((conflict) =>
      conflict
        .columns(["team_id", "connection_id", "provider", "batch_id"])
        .doUpdateSet({ label, updated_at: updatedAt }),
    )
    .execute();
}

export async function findBatchLabel(db: Kysely<Database>, key: LabelKey): Promise<string | null> {
  const row = await db
    .selectFrom("batch_labels")
    .select("label")
    .where((eb) => eb.and(keyColumns(key)))
    .executeTakeFirst();
  return row?.label ?? null;
}
