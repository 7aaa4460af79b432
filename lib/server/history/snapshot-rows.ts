import "server-only";
import type { Kysely, Selectable } from "kysely";
import type { BatchSnapshot } from "@/lib/batch-snapshot";
import type { BatchSnapshotsTable, Database } from "@/lib/server/db/schema";

// Every query on batch_snapshots. Each one is bounded and walks the (poll_key, fetched_at) key.

export type SnapshotRow = Selectable<BatchSnapshotsTable>;
export type SeriesRow = Pick<SnapshotRow, "fetched_at" | "state" | "processed" | "total">;

/** The first or the last stored row of a batch. */
export async function readEdgeRow(
  db: Kysely<Database>,
  key: string,
  edge: "oldest" | "newest",
): Promise<SnapshotRow | undefined> {
  return db
    .selectFrom("batch_snapshots")
    .selectAll()
    .where("poll_key", "=", key)
    .orderBy("fetched_at", edge === "oldest" ? "asc" : "desc")
    .limit(1)
    .executeTakeFirst();
}

/** The newest `limit` rows, oldest first. */
export async function readNewestRows(
  db: Kysely<Database>,
  key: string,
  limit: number,
): Promise<SnapshotRow[]> {
  const rows = await db
    .selectFrom("batch_snapshots")
    .selectAll()
    .where("poll_key", "=", key)
    .orderBy("fetched_at", "desc")
    .limit(limit)
    .execute();
  return rows.reverse();
}

/** The newest `limit` rows without their JSON, oldest first: what a chart needs. */
export async function readSeriesRows(
  db: Kysely<Database>,
  key: string,
  limit: number,
): Promise<SeriesRow[]> {
  const rows = await db
    .selectFrom("batch_snapshots")
    .select(["fetched_at", "state", "processed", "total"])
    .where("poll_key", "=", key)
    .orderBy("fetched_at", "desc")
    .limit(limit)
    .execute();
  return rows.reverse();
}

export async function countRows(db: Kysely<Database>, key: string): Promise<number> {
  const row = await db
    .selectFrom("batch_snapshots")
    .select((eb) => eb.fn.countAll<number>().as("rows"))
    .where("poll_key", "=", key)
    .executeTakeFirst();
  return Number(row?.rows ?? 0);
}

export async function insertRow(
  db: Kysely<Database>,
  key: string,
  fetchedAt: string,
  snapshot: BatchSnapshot,
): Promise<void> {
  await db
    .insertInto("batch_snapshots")
    .values({
      poll_key: key,
      fetched_at: fetchedAt,
      state: snapshot.state,
      processed: snapshot.processed,
      total: snapshot.total,
      data: JSON.stringify(snapshot),
    })
    .onConflict((conflict) => conflict.columns(["poll_key", "fetched_at"]).doNothing())
    .execute();
}
