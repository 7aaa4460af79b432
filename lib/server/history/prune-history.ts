import "server-only";
import type { Kysely } from "kysely";
import type { Database } from "@/lib/server/db/schema";

export const DEFAULT_RETENTION_DAYS = 30;
export const DEFAULT_THIN_AFTER_HOURS = 24;
/** Rows older than thinAfterHours keep at most one per bucket per batch. */
export const THIN_BUCKET_MS = 10 * 60_000;
const DELETE_CHUNK = 500;

export type PruneSettings = {
  retentionDays?: number;
  thinAfterHours?: number;
  /** Rows before this were thinned by an earlier run; omitted: from the retention limit. */
  thinFrom?: string;
};

export type PruneResult = {
  deleted: number;
  thinned: number;
  thinnedUntil: string;
  /** Batches whose every row expired: whatever remembers their newest row must forget it. */
  expiredKeys: string[];
};

const floorToBucket = (ms: number) => Math.floor(ms / THIN_BUCKET_MS) * THIN_BUCKET_MS;

/**
 * Deletes rows older than the retention, then thins rows older than thinAfterHours to the first
 * of each 10-minute bucket per batch. A batch's first row is the first of its bucket and its
 * newest row is excluded in SQL, so both always survive. Both ends of the thinned range sit on
 * bucket edges, so a bucket is never split between two runs.
 */
export async function pruneHistory(
  db: Kysely<Database>,
  now: Date,
  settings: PruneSettings = {},
): Promise<PruneResult> {
  const retentionDays = settings.retentionDays ?? DEFAULT_RETENTION_DAYS;
  const thinAfterHours = settings.thinAfterHours ?? DEFAULT_THIN_AFTER_HOURS;
  const retentionLimit = new Date(now.getTime() - retentionDays * 86_400_000).toISOString();
  const thinUntil = new Date(
    floorToBucket(now.getTime() - thinAfterHours * 3_600_000),
  ).toISOString();
  const fromMs = Math.max(
    Date.parse(retentionLimit),
    settings.thinFrom ? Date.parse(settings.thinFrom) : 0,
  );
  const thinFrom = new Date(floorToBucket(fromMs)).toISOString();

  return db.transaction().execute(async (trx) => {
    const expired = await trx
      .selectFrom("batch_snapshots")
      .select("poll_key")
      .groupBy("poll_key")
      .having((eb) => eb.fn.max("fetched_at"), "<", retentionLimit)
      .execute();
    const removed = await trx
      .deleteFrom("batch_snapshots")
      .where("fetched_at", "<", retentionLimit)
      .executeTakeFirst();
    const rows = await trx
      .selectFrom("batch_snapshots")
      .select(["poll_key", "fetched_at"])
      .where("fetched_at", ">=", thinFrom)
      .where("fetched_at", "<", thinUntil)
      .orderBy("poll_key")
      .orderBy("fetched_at")
      .execute();
    let thinned = 0;
    for (const [key, times] of rowsToThin(rows)) {
      for (let start = 0; start < times.length; start += DELETE_CHUNK) {
        const result = await trx
          .deleteFrom("batch_snapshots")
          .where("poll_key", "=", key)
          .where("fetched_at", "in", times.slice(start, start + DELETE_CHUNK))
          .where("fetched_at", "<", (eb) =>
            eb
              .selectFrom("batch_snapshots as newest")
              .select((inner) => inner.fn.max("newest.fetched_at").as("last"))
              .where("newest.poll_key", "=", key),
          )
          .executeTakeFirst();
        thinned += Number(result.numDeletedRows);
      }
    }
    return {
      deleted: Number(removed.numDeletedRows),
      thinned,
      thinnedUntil: thinUntil,
      expiredKeys: expired.map((row) => row.poll_key),
    };
  });
}

/** Per poll key, every row that is not the first of its bucket. Rows come sorted by key, then time. */
export function rowsToThin(
  rows: Array<{ poll_key: string; fetched_at: string }>,
): Map<string, string[]> {
  const doomed = new Map<string, string[]>();
  let lastKey: string | null = null;
  let lastBucket = Number.NaN;
  for (const row of rows) {
    const bucket = floorToBucket(Date.parse(row.fetched_at));
    if (row.poll_key === lastKey && bucket === lastBucket) {
      const list = doomed.get(row.poll_key) ?? [];
      list.push(row.fetched_at);
      doomed.set(row.poll_key, list);
    }
    lastKey = row.poll_key;
    lastBucket = bucket;
  }
  return doomed;
}
