import "server-only";
import type { Kysely } from "kysely";
import { batchSnapshotSchema, type BatchSnapshot } from "@/lib/batch-snapshot";
import type { Database } from "@/lib/server/db/schema";

/** Keys per query: far below every engine's limit on bound parameters. */
const CHUNK = 500;

/** The newest stored row of each batch, chunk by chunk; batches never polled have none. */
async function newestRows(db: Kysely<Database>, pollKeys: string[]) {
  const unique = [...new Set(pollKeys)];
  const rows: { poll_key: string; state: string; data: string }[] = [];
  for (let start = 0; start < unique.length; start += CHUNK) {
    const keys = unique.slice(start, start + CHUNK);
    const newest = db
      .selectFrom("batch_snapshots")
      .select("poll_key")
      .select((eb) => eb.fn.max("fetched_at").as("at"))
      .where("poll_key", "in", keys)
      .groupBy("poll_key");
    rows.push(
      ...(await db
        .selectFrom("batch_snapshots as s")
        .innerJoin(newest.as("n"), (join) => join.onRef("n.poll_key", "=", "s.poll_key").onRef("n.at", "=", "s.fetched_at"))
        .select(["s.poll_key", "s.state", "s.data"])
        .execute()),
    );
  }
  return rows;
}

/**
 * The state of each batch in its newest stored snapshot: what Sendboard saw last, whoever was
 * watching. Batches never polled are missing from the map.
 */
export async function readLatestStates(db: Kysely<Database>, pollKeys: string[]): Promise<Map<string, string>> {
  return new Map((await newestRows(db, pollKeys)).map((row) => [row.poll_key, row.state]));
}

/** The newest stored snapshot of each batch; one a newer version wrote unreadably is left out. */
export async function readLatestSnapshots(db: Kysely<Database>, pollKeys: string[]): Promise<Map<string, BatchSnapshot>> {
  const snapshots = new Map<string, BatchSnapshot>();
  for (const row of await newestRows(db, pollKeys)) {
    const parsed = batchSnapshotSchema.safeParse(safeJson(row.data));
    if (parsed.success) snapshots.set(row.poll_key, parsed.data);
  }
  return snapshots;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
