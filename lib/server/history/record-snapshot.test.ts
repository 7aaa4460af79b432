import type { Kysely } from "kysely";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { Database } from "@/lib/server/db/schema";
import { getLogger } from "@/lib/server/logger";
import { openTempDatabase } from "@/lib/server/testing/temp-database";
import { createLastSeenCache } from "./last-seen";
import { createPruneSchedule, PRUNE_EVERY_MS } from "./prune-schedule";
import { recordSnapshot, type RecordOptions } from "./record-snapshot";
import { KEY, snapshotAt, T0 } from "./test-support";

let temp: Awaited<ReturnType<typeof openTempDatabase>>;
let db: Kysely<Database>;
let options: RecordOptions;

beforeEach(async () => {
  temp = await openTempDatabase();
  db = temp.db;
  options = {
    lastSeen: createLastSeenCache(),
    pruneSchedule: createPruneSchedule(),
    now: new Date(T0),
  };
});

afterEach(async () => {
  vi.restoreAllMocks();
  await temp.close();
});

const storedRows = (key = KEY) =>
  db
    .selectFrom("batch_snapshots")
    .selectAll()
    .where("poll_key", "=", key)
    .orderBy("fetched_at")
    .execute();

describe("recordSnapshot", () => {
  it("stores a snapshot only when something but its fetch time changed", async () => {
    expect(await recordSnapshot(db, KEY, snapshotAt(0, { processed: 10 }), options)).toBe(true);
    expect(await recordSnapshot(db, KEY, snapshotAt(2, { processed: 10 }), options)).toBe(false);
    expect(
      await recordSnapshot(db, KEY, snapshotAt(4, { processed: 10, etaSeconds: 90 }), options),
    ).toBe(true);
    expect(
      await recordSnapshot(
        db,
        KEY,
        snapshotAt(6, { processed: 10, etaSeconds: 90, providerStatus: "SENDING" }),
        options,
      ),
    ).toBe(true);
    expect(
      await recordSnapshot(
        db,
        KEY,
        snapshotAt(8, { processed: 20, etaSeconds: 90, providerStatus: "SENDING" }),
        options,
      ),
    ).toBe(true);
    const rows = await storedRows();
    expect(rows.map((row) => [row.fetched_at, row.processed])).toEqual([
      ["2026-03-01T12:00:00.000Z", 10],
      ["2026-03-01T12:00:04.000Z", 10],
      ["2026-03-01T12:00:06.000Z", 10],
      ["2026-03-01T12:00:08.000Z", 20],
    ]);
    expect(JSON.parse(rows[3]!.data)).toMatchObject({
      processed: 20,
      providerStatus: "SENDING",
      fetchedAt: "2026-03-01T12:00:08.000Z",
    });
  });

  it("keeps keys apart and never stores a stale snapshot", async () => {
    await recordSnapshot(db, KEY, snapshotAt(0), options);
    expect(await recordSnapshot(db, "other:mindo:x", snapshotAt(0), options)).toBe(true);
    expect(
      await recordSnapshot(db, KEY, snapshotAt(2, { processed: 5, stale: true }), options),
    ).toBe(false);
    expect(await storedRows()).toHaveLength(1);
  });

  it("after a restart (an empty cache) compares with the newest stored row", async () => {
    await recordSnapshot(db, KEY, snapshotAt(0, { processed: 10 }), options);
    const restarted = { ...options, lastSeen: createLastSeenCache() };
    expect(await recordSnapshot(db, KEY, snapshotAt(60, { processed: 10 }), restarted)).toBe(false);
    expect(await recordSnapshot(db, KEY, snapshotAt(62, { processed: 11 }), restarted)).toBe(true);
    expect(await storedRows()).toHaveLength(2);
  });

  it("holds at most `max` keys, and an evicted key still dedups through the database", async () => {
    const lastSeen = createLastSeenCache(2);
    const bounded = { ...options, lastSeen };
    for (const key of ["a", "b", "c"]) await recordSnapshot(db, key, snapshotAt(0), bounded);
    expect(lastSeen.size).toBe(2);
    expect(lastSeen.has("a")).toBe(false);
    expect(await recordSnapshot(db, "a", snapshotAt(2), bounded)).toBe(false);
    expect(await storedRows("a")).toHaveLength(1);
  });

  it("counts fresh polls in a row with unchanged counters", async () => {
    const lastSeen = options.lastSeen!;
    await recordSnapshot(db, KEY, snapshotAt(0, { processed: 10 }), options);
    await recordSnapshot(db, KEY, snapshotAt(2, { processed: 10 }), options);
    await recordSnapshot(db, KEY, snapshotAt(4, { processed: 10, etaSeconds: 30 }), options);
    expect(lastSeen.get(KEY)?.unchangedPolls).toBe(3);
    await recordSnapshot(db, KEY, snapshotAt(6, { processed: 11, etaSeconds: 30 }), options);
    expect(lastSeen.get(KEY)?.unchangedPolls).toBe(1);
  });

  it("never throws: a broken database is logged in one short line without the data", async () => {
    const log = vi.spyOn(getLogger(), "warn").mockImplementation(() => undefined);
    await db.destroy();
    await expect(
      recordSnapshot(db, KEY, snapshotAt(0, { providerStatus: "SECRET-ISH" }), options),
    ).resolves.toBe(false);
    expect(log).toHaveBeenCalled();
    const lines = log.mock.calls.map((call) => JSON.stringify(call));
    expect(lines.every((line) => !line.includes("SECRET-ISH") && !line.includes(KEY))).toBe(true);
    expect(options.lastSeen!.has(KEY)).toBe(false);
  });

  it("prunes at most once an hour, from the first write on", async () => {
    const old = new Date(T0 - 40 * 86_400_000);
    await recordSnapshot(db, "old", snapshotAt(-40 * 86_400), { ...options, now: old });
    const schedule = options.pruneSchedule!;
    schedule.lastRunAt = null;
    await recordSnapshot(db, KEY, snapshotAt(0), options);
    expect(await storedRows("old")).toHaveLength(0);
    expect(schedule.lastRunAt).toBe(T0);

    // Forgotten once expired, so the same old snapshot is stored again; it survives until the next hour.
    expect(options.lastSeen!.has("old")).toBe(false);
    await recordSnapshot(db, "old", snapshotAt(-40 * 86_400), {
      ...options,
      now: new Date(T0 + 1_000),
    });
    await recordSnapshot(db, KEY, snapshotAt(10, { processed: 1 }), {
      ...options,
      now: new Date(T0 + PRUNE_EVERY_MS - 1),
    });
    expect(await storedRows("old")).toHaveLength(1);
    await recordSnapshot(db, KEY, snapshotAt(12, { processed: 2 }), {
      ...options,
      now: new Date(T0 + PRUNE_EVERY_MS),
    });
    expect(await storedRows("old")).toHaveLength(0);
  });
});
