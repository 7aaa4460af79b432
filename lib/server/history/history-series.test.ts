import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { openTempDatabase } from "@/lib/server/testing/temp-database";
import { readHistorySeries } from "./history-series";
import { insertRow } from "./snapshot-rows";
import { KEY, snapshotAt } from "./test-support";

describe("readHistorySeries", () => {
  let temp: Awaited<ReturnType<typeof openTempDatabase>>;
  beforeEach(async () => {
    temp = await openTempDatabase();
  });
  afterEach(async () => {
    await temp.close();
  });

  it("answers the key's points oldest first, with progress, bounded to max", async () => {
    for (let second = 0; second < 30; second++) {
      const snapshot = snapshotAt(second, {
        processed: second * 10,
        state: second === 29 ? "completed" : "running",
      });
      await insertRow(temp.db, KEY, snapshot.fetchedAt, snapshot);
    }
    await insertRow(temp.db, "other", snapshotAt(0).fetchedAt, snapshotAt(0));
    const { points } = await readHistorySeries(temp.db, KEY, 10);
    expect(points).toHaveLength(10);
    expect(points[0]).toEqual({
      at: "2026-03-01T12:00:00.000Z",
      processed: 0,
      total: 1_000,
      state: "running",
      progress: 0,
    });
    expect(points.at(-1)).toEqual({
      at: "2026-03-01T12:00:29.000Z",
      processed: 290,
      total: 1_000,
      state: "completed",
      progress: 0.29,
    });
    expect((await readHistorySeries(temp.db, "missing")).points).toEqual([]);
  });
});
