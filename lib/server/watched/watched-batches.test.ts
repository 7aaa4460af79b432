import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Kysely } from "kysely";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { applyMigrations, openSqlite } from "../db/database";
import type { Database } from "../db/schema";
import { addWatchedBatch, listWatchedBatches, removeWatchedBatch } from "./watched-batches";

const team = { teamId: "t1", connectionId: "env-migma" };
let dir: string;
let db: Kysely<Database>;

beforeEach(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), "sendboard-db-"));
  db = openSqlite(dir);
  await applyMigrations(db);
});

afterEach(async () => {
  await db.destroy();
  rmSync(dir, { recursive: true, force: true });
});

describe("watched batches on a real SQLite file", () => {
  it("adds, lists in order, and removes", async () => {
    const a = await addWatchedBatch(db, { ...team, provider: "migma", batchId: "b1", label: "First", addedBy: "a@x.io" }, new Date("2026-01-01T00:00:00Z"));
    await addWatchedBatch(db, { ...team, provider: "bolna", batchId: "00000000000000000000000000000002", label: null, addedBy: "a@x.io" }, new Date("2026-01-01T00:00:01Z"));
    expect((await listWatchedBatches(db, "t1")).map((item) => item.batchId)).toEqual(["b1", "00000000000000000000000000000002"]);
    expect(a).toMatchObject({ provider: "migma", batchId: "b1", label: "First", addedBy: "a@x.io", addedAt: "2026-01-01T00:00:00.000Z" });
    await removeWatchedBatch(db, "t1", a.id);
    expect(await listWatchedBatches(db, "t1")).toHaveLength(1);
  });

  it("refuses the same batch twice with a conflict", async () => {
    const input = { ...team, provider: "mindo", batchId: "00000000-0000-4000-8000-000000000002", label: null, addedBy: "a@x.io" } as const;
    await addWatchedBatch(db, input);
    await expect(addWatchedBatch(db, input)).rejects.toMatchObject({ code: "conflict" });
    expect(await listWatchedBatches(db, "t1")).toHaveLength(1);
  });

  it("keeps teams apart: another team neither sees nor removes a batch", async () => {
    const a = await addWatchedBatch(db, { ...team, provider: "migma", batchId: "b1", label: null, addedBy: "a@x.io" });
    expect(await listWatchedBatches(db, "t2")).toEqual([]);
    await expect(removeWatchedBatch(db, "t2", a.id)).rejects.toMatchObject({ code: "not_found" });
    expect(await listWatchedBatches(db, "t1")).toHaveLength(1);
  });

  it("says not found when removing something that is not there", async () => {
    await expect(removeWatchedBatch(db, "t1", "1b4e28ba-2fa1-11d2-883f-0016d3cca427")).rejects.toMatchObject({ code: "not_found" });
  });

  it("applies migrations once, so reopening keeps the data", async () => {
    await addWatchedBatch(db, { ...team, provider: "migma", batchId: "keep", label: null, addedBy: "a@x.io" });
    await db.destroy();
    db = openSqlite(dir);
    await applyMigrations(db);
    expect(await listWatchedBatches(db, "t1")).toHaveLength(1);
  });
});
