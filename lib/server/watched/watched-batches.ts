import "server-only";
import { randomUUID } from "node:crypto";
import type { Kysely, Selectable } from "kysely";
import { AppError } from "@/lib/errors";
import { checkBatchId } from "@/lib/providers/batch-id";
import type { ProviderId } from "@/lib/providers/provider-id";
import { isProviderId } from "@/lib/providers/provider-id";
import type { AddWatchedBatchInput, WatchedBatch } from "@/lib/watched-batch";
import { resolveConnection } from "../connections";
import type { Database, WatchedBatchesTable } from "../db/schema";
import { isUniqueViolation } from "../db/unique-violation";
import { findBatchLabel, saveBatchLabel } from "../labels";
import { assertTakesSendTime, saveSendTime } from "../send-times";
import { assertCan } from "../security/permissions";
import type { ServiceContext } from "../service-context";

// The team's watched list: everyone in the team reads and changes it. A row's label is the team's
// label of the batch (lib/server/labels), the one its boards and its page show too.

type Row = Omit<Selectable<WatchedBatchesTable>, "position"> & { label: string | null };

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

export async function listWatchedBatches({ db, actor }: ServiceContext): Promise<WatchedBatch[]> {
  assertCan(actor, "batches:read");
  const rows = await db
    .selectFrom("watched_batches")
    .leftJoin("batch_labels", (join) =>
      join
        .onRef("batch_labels.team_id", "=", "watched_batches.team_id")
        .onRef("batch_labels.connection_id", "=", "watched_batches.connection_id")
        .onRef("batch_labels.provider", "=", "watched_batches.provider")
        .onRef("batch_labels.batch_id", "=", "watched_batches.batch_id"),
    )
    .selectAll("watched_batches")
    .select("batch_labels.label")
    .where("watched_batches.team_id", "=", actor.teamId)
    .orderBy("watched_batches.position")
    .orderBy("watched_batches.added_at")
    .execute();
  return rows.map(toWatchedBatch).filter((item): item is WatchedBatch => item !== null);
}

/**
 * Checks the batch id the way the batch API would, and stores the batch with the connection it
 * resolves to now, so it stays on that account. A label given names the batch for the team.
 */
export async function addWatchedBatch(
  { db, actor }: ServiceContext,
  input: AddWatchedBatchInput,
  now = new Date(),
): Promise<WatchedBatch> {
  assertCan(actor, "watched:manage");
  const checked = checkBatchId(input.provider, input.batchId);
  if (!checked.ok) throw new AppError("invalid_batch_id", checked.reason);
  if (input.sendAt) assertTakesSendTime(input.provider);
  const connection = await resolveConnection(actor.teamId, input.provider, input.connectionId);
  return insertWatchedBatch(
    db,
    {
      teamId: actor.teamId,
      connectionId: connection.id,
      provider: input.provider,
      batchId: checked.batchId,
      label: input.label?.trim() || null,
      sendAt: input.sendAt ?? null,
      addedBy: actor.email,
    },
    now,
  );
}

type NewWatchedBatch = {
  teamId: string;
  connectionId: string;
  provider: ProviderId;
  batchId: string;
  label: string | null;
  sendAt: string | null;
  addedBy: string;
};

async function insertWatchedBatch(
  db: Kysely<Database>,
  input: NewWatchedBatch,
  now: Date,
): Promise<WatchedBatch> {
  try {
    return await db.transaction().execute((trx) => insertWatchedRow(trx, input, now));
  } catch (error) {
    // Two people adding the same batch at once: the unique constraint decides, the loser gets 409.
    if (isUniqueViolation(error)) {
      throw new AppError("conflict", "This batch is already on the watched list.");
    }
    throw error;
  }
}

async function insertWatchedRow(
  db: Kysely<Database>,
  input: NewWatchedBatch,
  now: Date,
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
    added_by: input.addedBy,
    added_at: now.toISOString(),
  };
  await db.insertInto("watched_batches").values(row).execute();
  if (input.label !== null) await saveBatchLabel(db, input, input.label, now);
  if (input.sendAt !== null) await saveSendTime(db, input, input.sendAt, now);
  return watchedBatchOf({ ...row, label: input.label ?? (await findBatchLabel(db, input)) });
}

export async function removeWatchedBatch(
  { db, actor }: ServiceContext,
  { id }: { id: string },
): Promise<void> {
  assertCan(actor, "watched:manage");
  // Scoped by team: another team's id is "not found", never a way to delete across teams.
  const result = await db
    .deleteFrom("watched_batches")
    .where("id", "=", id)
    .where("team_id", "=", actor.teamId)
    .executeTakeFirst();
  if (result.numDeletedRows === BigInt(0))
    throw new AppError("not_found", "This batch is not on the watched list.");
}
