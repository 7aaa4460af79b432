import type { Kysely } from "kysely";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Database } from "@/lib/server/db/schema";
import { openTempDatabase } from "@/lib/server/testing/temp-database";
import type { BatchSnapshot } from "@/lib/batch-snapshot";
import { createFollowedPolls, noteFollowedSnapshot } from "./followed-polls";
import { getInsights } from "./get-insights";
import { createLastSeenCache } from "./last-seen";
import { createPruneSchedule } from "./prune-schedule";
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
  await temp.close();
});

/** Polls every 20 s, as the scheduler would, recording each; returns the last snapshot. */
async function poll(fromSecond: number, processedAt: (second: number) => number, count: number) {
  let latest = snapshotAt(fromSecond, { processed: processedAt(fromSecond) });
  for (let index = 0; index < count; index++) {
    const second = fromSecond + index * 20;
    latest = snapshotAt(second, { processed: processedAt(second) });
    await recordSnapshot(db, KEY, latest, options);
  }
  return latest;
}

describe("getInsights on recorded history", () => {
  it("measures throughput and an ETA from what the recorder stored", async () => {
    const latest = await poll(0, (second) => second * 2, 16); // 120/min for 5 min
    const insights = await getInsights(db, KEY, latest, false, options.lastSeen);
    expect(insights.throughputPerMinute.recent).toBeCloseTo(120);
    expect(insights.throughputPerMinute.average).toBeCloseTo(120);
    expect(insights.etaRange).toEqual({
      lowSeconds: Math.round(((1_000 - 600) / 120) * 60 * 0.75),
      highSeconds: Math.round(((1_000 - 600) / 120) * 60 * 1.25),
    });
    expect(insights).toMatchObject({ stalled: false, provisional: false, historyPoints: 16 });
  });

  it("turns stalled once the counters stay put for 4 fresh polls over a minute, storing no new rows", async () => {
    await poll(0, (second) => second, 5); // moving until 80 s
    const at120 = await poll(100, () => 80, 2); // 80, 100, 120: 3 polls with the same counters over 40 s
    expect((await getInsights(db, KEY, at120, false, options.lastSeen)).stalled).toBe(false);
    const at140 = await poll(140, () => 80, 1); // the 4th, 60 s after the counters last moved
    const insights = await getInsights(db, KEY, at140, false, options.lastSeen);
    expect(insights.stalled).toBe(true);
    expect(insights.throughputPerMinute.recent).toBeCloseTo(80 / (140 / 60));
    expect(insights.historyPoints).toBe(5);
  });

  it("says stalled on an instance that only follows the batch, counting the snapshots it adopted", async () => {
    const snapshots: BatchSnapshot[] = [];
    options.lastSeen = createLastSeenCache(); // the polling instance's memory, not this one's
    const processedAt = (second: number) => Math.min(second, 80);
    for (let second = 0; second <= 140; second += 20) {
      snapshots.push(snapshotAt(second, { processed: processedAt(second) }));
      await recordSnapshot(db, KEY, snapshots.at(-1)!, options);
    }
    const follower = { lastSeen: createLastSeenCache(), followed: createFollowedPolls() };
    const insightsAfter = async (adopted: number) => {
      for (const snapshot of snapshots.slice(adopted - 1, adopted)) noteFollowedSnapshot(KEY, snapshot, follower.followed);
      return getInsights(db, KEY, snapshots[adopted - 1]!, false, follower.lastSeen, follower.followed);
    };
    for (let adopted = 1; adopted <= 7; adopted += 1) expect((await insightsAfter(adopted)).stalled).toBe(false);
    // The 8th snapshot (140 s) is the 4th in a row at 80, a minute after the counters last moved.
    expect((await insightsAfter(8)).stalled).toBe(true);
  });

  it("answers for a batch with no stored history from the latest snapshot alone", async () => {
    const insights = await getInsights(
      db,
      KEY,
      snapshotAt(0, { processed: 1_000, state: "completed" }),
      true,
      createLastSeenCache(),
    );
    expect(insights).toEqual({
      throughputPerMinute: { recent: null, average: null, averageSince: "watching-began" },
      etaRange: null,
      stalled: false,
      provisional: false,
      historyPoints: 0,
    });
  });
});
