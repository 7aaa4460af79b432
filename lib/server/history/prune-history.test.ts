import type { Kysely } from "kysely";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Database } from "@/lib/server/db/schema";
import { openTempDatabase } from "@/lib/server/testing/temp-database";
import { pruneHistory, rowsToThin } from "./prune-history";

const NOW = new Date("2026-03-31T12:00:00.000Z");
const HOUR = 3_600_000;
const MINUTE = 60_000;

let temp: Awaited<ReturnType<typeof openTempDatabase>>;
let db: Kysely<Database>;

beforeEach(async () => {
  temp = await openTempDatabase();
  db = temp.db;
});

afterEach(async () => {
  await temp.close();
});

/** One row per time, `msAgo` before NOW. */
async function insertAgo(key: string, ...msAgo: number[]) {
  await db
    .insertInto("batch_snapshots")
    .values(
      msAgo.map((ago, index) => ({
        poll_key: key,
        fetched_at: new Date(NOW.getTime() - ago).toISOString(),
        state: "running",
        processed: index,
        total: 100,
        data: "{}",
      })),
    )
    .execute();
}

const timesOf = async (key: string) =>
  (
    await db
      .selectFrom("batch_snapshots")
      .select("fetched_at")
      .where("poll_key", "=", key)
      .orderBy("fetched_at")
      .execute()
  ).map((row) => row.fetched_at);

describe("pruneHistory", () => {
  it("deletes rows older than the retention, whole batches included", async () => {
    await insertAgo("gone", 40 * 24 * HOUR, 31 * 24 * HOUR);
    await insertAgo("mixed", 31 * 24 * HOUR, 2 * HOUR);
    const result = await pruneHistory(db, NOW, { retentionDays: 30 });
    expect(await timesOf("gone")).toEqual([]);
    expect(await timesOf("mixed")).toHaveLength(1);
    expect(result).toMatchObject({ deleted: 3, expiredKeys: ["gone"] });
  });

  it("honours a shorter retention", async () => {
    await insertAgo("k", 3 * 24 * HOUR, HOUR);
    await pruneHistory(db, NOW, { retentionDays: 2 });
    expect(await timesOf("k")).toHaveLength(1);
  });

  it("thins rows older than thinAfterHours to one per 10 minutes, keeping each batch's first and last", async () => {
    // Every 2 minutes from 30 h ago (a finished batch), its last row second in its bucket, and a live one spanning both sides.
    const old = Array.from({ length: 122 }, (_, index) => 30 * HOUR - index * 2 * MINUTE);
    await insertAgo("finished", ...old);
    await insertAgo(
      "live",
      25 * HOUR,
      25 * HOUR - 2 * MINUTE,
      25 * HOUR - 4 * MINUTE,
      HOUR,
      HOUR - 2 * MINUTE,
    );
    const before = await timesOf("finished");
    const result = await pruneHistory(db, NOW, { thinAfterHours: 24 });

    const finished = await timesOf("finished");
    expect(finished[0]).toBe(before[0]);
    expect(finished.at(-1)).toBe(before.at(-1));
    const buckets = finished
      .slice(0, -1)
      .map((time) => Math.floor(Date.parse(time) / (10 * MINUTE)));
    expect(new Set(buckets).size).toBe(buckets.length);
    // 4 h of 10-minute buckets, plus the kept last row.
    expect(finished.length).toBeGreaterThanOrEqual(24);
    expect(finished.length).toBeLessThanOrEqual(26);

    // The live batch's recent rows are untouched; its old ones thinned to the bucket's first.
    const live = await timesOf("live");
    expect(live).toHaveLength(3);
    expect(result.thinned).toBe(before.length - finished.length + 2);
  });

  it("thins only from where an earlier run stopped", async () => {
    await insertAgo("k", 48 * HOUR, 48 * HOUR - MINUTE, 30 * HOUR, 30 * HOUR - MINUTE, 0);
    const thinFrom = new Date(NOW.getTime() - 40 * HOUR).toISOString();
    await pruneHistory(db, NOW, { thinAfterHours: 24, thinFrom });
    expect(await timesOf("k")).toHaveLength(4);
  });
});

describe("rowsToThin", () => {
  it("marks every row after the first of its bucket, per key", () => {
    const rows = [
      { poll_key: "a", fetched_at: "2026-03-01T10:00:00.000Z" },
      { poll_key: "a", fetched_at: "2026-03-01T10:05:00.000Z" },
      { poll_key: "a", fetched_at: "2026-03-01T10:09:59.999Z" },
      { poll_key: "a", fetched_at: "2026-03-01T10:10:00.000Z" },
      { poll_key: "b", fetched_at: "2026-03-01T10:11:00.000Z" },
      { poll_key: "b", fetched_at: "2026-03-01T10:12:00.000Z" },
    ];
    expect(rowsToThin(rows)).toEqual(
      new Map([
        ["a", ["2026-03-01T10:05:00.000Z", "2026-03-01T10:09:59.999Z"]],
        ["b", ["2026-03-01T10:12:00.000Z"]],
      ]),
    );
  });
});
