import "server-only";
import { randomUUID } from "node:crypto";
import type { Kysely, Selectable } from "kysely";
import { AppError } from "@/lib/errors";
import type { ProviderId } from "@/lib/providers/provider-id";
import { isProviderId } from "@/lib/providers/provider-id";
import type { WatchedBatch } from "@/lib/watched-batch";
import type { Database, WatchedBatchesTable } from "../db/schema";
import { isUniqueViolation } from "../db/unique-violation";

type Row = Omit<Selectable<WatchedBatchesTable>, "position">;

function toWatchedBatch(row: Row): WatchedBatch | null {
  // A row written by a newer version with a provider this build does not know is skipped, not fatal.
  if (!isProviderId(row.provider)) return null;
  return watchedBatchOf({ ...row, provider: row.provider });
}

function watchedBatchOf(row: Row & { provider: ProviderId }): WatchedBatch {
  return {
    id: row.id,
    connectionId: row.connection_id,
    provider: row.provider,
    batchId: row.batch_id,
    label: row.label,
    addedBy: row.added_by,
    addedAt: row.added_at,
  };
}

export async function listWatchedBatches(db: Kysely<Database>, teamId: string): Promise<WatchedBatch[]> {
  const rows = await db
    .selectFrom("watched_batches")
    .selectAll()
    .where("team_id", "=", teamId)
    .orderBy("position")
    .orderBy("added_at")
    .execute();
  return rows.map(toWatchedBatch).filter((item): item is WatchedBatch => item !== null);
}

export async function addWatchedBatch(
  db: Kysely<Database>,
  input: { teamId: string; connectionId: string; provider: ProviderId; batchId: string; label: string | null; addedBy: string },
  now = new Date(),
): Promise<WatchedBatch> {
  const existing = await db
    .selectFrom("watched_batches")
    .select("id")
    .where("team_id", "=", input.teamId)
    .where("connection_id", "=", input.connectionId)
    .where("provider", "=", input.provider)
    .where("batch_id", "=", input.batchId)
    .executeTakeFirst();
  if (existing) throw new AppError("conflict", "This batch is already on the watched list.");
  const row = {
    id: randomUUID(),
    team_id: input.teamId,
    connection_id: input.connectionId,
    provider: input.provider,
    batch_id: input.batchId,
    label: input.label,
    added_by: input.addedBy,
    added_at: now.toISOString(),
  };
  try {
    await db.insertInto("watched_batches").values(row).execute();
  } catch (error) {
    // Two people adding the same batch at once: the unique constraint decides, the loser gets 409.
    if (isUniqueViolation(error)) {
      throw new AppError("conflict", "This batch is already on the watched list.");
    }
    throw error;
  }
  return watchedBatchOf(row);
}

export async function removeWatchedBatch(db: Kysely<Database>, teamId: string, id: string): Promise<void> {
  // Scoped by team: another team's id is "not found", never a way to delete across teams.
  const result = await db.deleteFrom("watched_batches").where("id", "=", id).where("team_id", "=", teamId).executeTakeFirst();
  if (result.numDeletedRows === BigInt(0)) throw new AppError("not_found", "This batch is not on the watched list.");
}
