import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Kysely } from "kysely";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { ServiceContext } from "@/lib/server/service-context";
import { mockedDatabaseModule, mockedEnvModule, routeState, serveEnvConnectionsTo } from "@/lib/server/testing/route-harness";
import { applyMigrations, openSqlite } from "../db/database";
import type { Database } from "../db/schema";
import { addWatchedBatch, listWatchedBatches, removeWatchedBatch } from "./watched-batches";

// A batch is stored with the connection it resolves to: here the environment's, one per provider,
// which serves t1, the ADMIN_EMAIL admin's team.
vi.mock("@/lib/server/db/database", async (original) => mockedDatabaseModule(await original()));
vi.mock("@/lib/server/env", async (original) => mockedEnvModule(await original()));

let dir: string;
let db: Kysely<Database>;

beforeEach(async () => {
  routeState.env = { MIGMA_API_KEY: "env_migma_key", MINDO_API_KEY: "env_mindo_key", BOLNA_API_KEY: "env_bolna_key" };
  dir = mkdtempSync(path.join(os.tmpdir(), "sendboard-db-"));
  db = openSqlite(dir);
  routeState.db = db;
  await applyMigrations(db);
  await serveEnvConnectionsTo(db, "t1");
});

afterEach(async () => {
  await db.destroy();
  rmSync(dir, { recursive: true, force: true });
});

const member = (teamId: string): ServiceContext => ({ db, actor: { id: `u-${teamId}`, teamId, role: "member", email: "a@x.io" } });

describe("watched batches on a real SQLite file", () => {
  it("adds, lists in order, and removes", async () => {
    const a = await addWatchedBatch(member("t1"), { provider: "migma", batchId: "b1", label: "First" }, new Date("2026-01-01T00:00:00Z"));
    await addWatchedBatch(member("t1"), { provider: "bolna", batchId: "00000000000000000000000000000002", label: null }, new Date("2026-01-01T00:00:01Z"));
    expect((await listWatchedBatches(member("t1"))).map((item) => item.batchId)).toEqual(["b1", "00000000000000000000000000000002"]);
    expect(a).toMatchObject({ provider: "migma", batchId: "b1", label: "First", addedBy: "a@x.io", addedAt: "2026-01-01T00:00:00.000Z" });
    await removeWatchedBatch(member("t1"), { id: a.id });
    expect(await listWatchedBatches(member("t1"))).toHaveLength(1);
  });

  it("refuses the same batch twice with a conflict", async () => {
    const input = { provider: "mindo", batchId: "00000000-0000-4000-8000-000000000002", label: null } as const;
    await addWatchedBatch(member("t1"), input);
    await expect(addWatchedBatch(member("t1"), input)).rejects.toMatchObject({ code: "conflict" });
    expect(await listWatchedBatches(member("t1"))).toHaveLength(1);
  });

  it("keeps teams apart: another team neither sees nor removes a batch", async () => {
    const a = await addWatchedBatch(member("t1"), { provider: "migma", batchId: "b1", label: null });
    expect(await listWatchedBatches(member("t2"))).toEqual([]);
    await expect(removeWatchedBatch(member("t2"), { id: a.id })).rejects.toMatchObject({ code: "not_found" });
    expect(await listWatchedBatches(member("t1"))).toHaveLength(1);
  });

  it("says not found when removing something that is not there", async () => {
    await expect(removeWatchedBatch(member("t1"), { id: "1b4e28ba-2fa1-11d2-883f-0016d3cca427" })).rejects.toMatchObject({ code: "not_found" });
  });

  it("checks the id the way the batch API does and keeps the batch on the connection it resolves to now", async () => {
    const added = await addWatchedBatch(member("t1"), { provider: "bolna", batchId: "00000000000000000000000000000002", label: "" });
    expect(added).toMatchObject({ connectionId: "env-bolna", label: null });
    await expect(addWatchedBatch(member("t1"), { provider: "mindo", batchId: "not-a-uuid" })).rejects.toMatchObject({ code: "invalid_batch_id" });
    await expect(addWatchedBatch(member("t1"), { provider: "sendgrid", batchId: "abc" })).rejects.toMatchObject({ code: "not_configured" });
    await expect(addWatchedBatch(member("t1"), { provider: "migma", batchId: "abc", connectionId: "env-bolna" })).rejects.toMatchObject({ code: "not_found" });
    expect(await listWatchedBatches(member("t1"))).toHaveLength(1);
  });

  it("applies migrations once, so reopening keeps the data", async () => {
    await addWatchedBatch(member("t1"), { provider: "migma", batchId: "keep", label: null });
    await db.destroy();
    db = openSqlite(dir);
    await applyMigrations(db);
    expect(await listWatchedBatches(member("t1"))).toHaveLength(1);
  });
});
