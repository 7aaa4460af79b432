import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { openTempDatabase } from "@/lib/server/testing/temp-database";
import { historyCsvFilename, readHistoryCsv } from "./history-export";
import { insertRow } from "./snapshot-rows";
import { KEY, snapshotAt } from "./test-support";

describe("readHistoryCsv", () => {
  let temp: Awaited<ReturnType<typeof openTempDatabase>>;
  beforeEach(async () => {
    temp = await openTempDatabase();
  });
  afterEach(async () => {
    await temp.close();
  });

  it("exports the key's stored rows oldest first, with their counts", async () => {
    for (const second of [60, 0]) {
      const snapshot = snapshotAt(second, { processed: second * 5 });
      await insertRow(temp.db, KEY, snapshot.fetchedAt, snapshot);
    }
    await temp.db
      .insertInto("batch_snapshots")
      .values({
        poll_key: KEY,
        fetched_at: "2026-03-01T12:02:00.000Z",
        state: "running",
        processed: 400,
        total: 1_000,
        data: "not json",
      })
      .execute();
    expect((await readHistoryCsv(temp.db, KEY)).split("\r\n")).toEqual([
      "fetched_at,state,provider_status,processed,total,progress,pending,sent",
      "2026-03-01T12:00:00.000Z,running,IN_PROGRESS,0,1000,0,1000,0",
      "2026-03-01T12:01:00.000Z,running,IN_PROGRESS,300,1000,0.3,700,300",
      "2026-03-01T12:02:00.000Z,running,,400,1000,0.4,,",
      "",
    ]);
  });
});

describe("historyCsvFilename", () => {
  it("names the download after the provider and batch", () => {
    expect(
      historyCsvFilename({ provider: "mindo", batchId: "00000000-0000-4000-8000-000000000002" }),
    ).toBe("mindo-00000000-0000-4000-8000-000000000002-history.csv");
    expect(historyCsvFilename({ provider: "migma", batchId: 'a"b c' })).toBe(
      "migma-a_b_c-history.csv",
    );
  });
});
