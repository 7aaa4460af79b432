import type { Kysely } from "kysely";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import {
  mockedDatabaseModule,
  mockedEnvModule,
  routeState,
  serveEnvConnectionsTo,
} from "@/lib/server/testing/route-harness";
import { addBoardBatch, createBoard, getBoard } from "@/lib/server/boards";
import type { Database } from "@/lib/server/db/schema";
import type { Actor } from "@/lib/server/security/permissions";
import type { ServiceContext } from "@/lib/server/service-context";
import { openTempDatabase } from "@/lib/server/testing/temp-database";
import { addWatchedBatch, listWatchedBatches } from "@/lib/server/watched";
import { getBatchLabel, setBatchLabel } from ".";

// The watched list resolves the environment's connections, as the app does without saved ones.
vi.mock("@/lib/server/db/database", async (original) => mockedDatabaseModule(await original()));
vi.mock("@/lib/server/env", async (original) => mockedEnvModule(await original()));

const alice: Actor = { id: "u1", teamId: "t1", role: "member", email: "alice@t1.test" };
const bob: Actor = { id: "u2", teamId: "t1", role: "member", email: "bob@t1.test" };
const mallory: Actor = { id: "u9", teamId: "t2", role: "admin", email: "mallory@t2.test" };
const batch = { provider: "migma", batchId: "sim-running" } as const;

let db: Kysely<Database>;
let close: () => Promise<void>;

beforeEach(async () => {
  routeState.env = { MIGMA_API_KEY: "env_migma_key" };
  ({ db, close } = await openTempDatabase());
  routeState.db = db;
  await serveEnvConnectionsTo(db, "t1");
});
afterEach(async () => close());

const ctxOf = (actor: Actor): ServiceContext => ({ db, actor });

async function labelsEverywhere(actor: Actor, boardIds: string[]) {
  const watched = (await listWatchedBatches(ctxOf(actor))).map((item) => item.label);
  const boards = [];
  for (const boardId of boardIds)
    boards.push(...(await getBoard(ctxOf(actor), { boardId })).batches.map((item) => item.label));
  return { page: (await getBatchLabel(ctxOf(actor), batch)).label, watched, boards };
}

describe("a batch's label", () => {
  it("is one name for the whole team: set on the batch page, it shows on the watched list and every board", async () => {
    await addWatchedBatch(ctxOf(alice), { ...batch, label: null });
    const a = await createBoard(ctxOf(alice), { name: "A", batches: [batch] });
    const b = await createBoard(ctxOf(bob), { name: "B", batches: [{ ...batch, label: "  " }] });
    expect(await labelsEverywhere(bob, [a.id, b.id])).toEqual({
      page: null,
      watched: [null],
      boards: [null, null],
    });

    expect(await setBatchLabel(ctxOf(alice), { ...batch, label: "  Winter newsletter " })).toEqual({
      label: "Winter newsletter",
    });
    const renamed = "Winter newsletter";
    expect(await labelsEverywhere(bob, [a.id, b.id])).toEqual({
      page: renamed,
      watched: [renamed],
      boards: [renamed, renamed],
    });

    expect(await setBatchLabel(ctxOf(bob), { ...batch, label: "   " })).toEqual({ label: null });
    expect(await labelsEverywhere(alice, [a.id, b.id])).toEqual({
      page: null,
      watched: [null],
      boards: [null, null],
    });
  });

  it("is given by whoever adds the batch with one, and kept by whoever adds it without", async () => {
    const board = await createBoard(ctxOf(alice), { name: "Launch", batches: [] });
    const added = await addBoardBatch(ctxOf(alice), {
      boardId: board.id,
      batch: { ...batch, label: "Launch email" },
    });
    expect(added.label).toBe("Launch email");
    const watched = await addWatchedBatch(ctxOf(bob), { ...batch });
    expect(watched.label).toBe("Launch email");
    const other = await createBoard(ctxOf(bob), {
      name: "Other",
      batches: [{ ...batch, label: "Renamed on add" }],
    });
    expect((await labelsEverywhere(alice, [board.id, other.id])).boards).toEqual([
      "Renamed on add",
      "Renamed on add",
    ]);
  });

  it("belongs to one team and one account: another team, or the same id on another connection, is another batch", async () => {
    await setBatchLabel(ctxOf(alice), { ...batch, label: "Ours" });
    expect(await getBatchLabel(ctxOf(mallory), batch)).toEqual({ label: null });
    await db
      .insertInto("connections")
      .values({
        id: "c-t1",
        team_id: "t1",
        provider: "migma",
        name: "Second account",
        region: null,
        encrypted_key: "x",
        key_last4: "1234",
        budget_per_minute: null,
        created_at: "2026-01-01T00:00:00Z",
        updated_at: "2026-01-01T00:00:00Z",
      })
      .execute();
    expect(await getBatchLabel(ctxOf(alice), { ...batch, connectionId: "c-t1" })).toEqual({
      label: null,
    });
    expect(await getBatchLabel(ctxOf(alice), { ...batch, connectionId: "env-migma" })).toEqual({
      label: "Ours",
    });
    await expect(
      setBatchLabel(ctxOf(mallory), { ...batch, connectionId: "c-t1", label: "Theirs" }),
    ).rejects.toMatchObject({ code: "not_found" });
  });

  it("checks the batch id as the batch API does, trimming it first", async () => {
    await expect(
      setBatchLabel(ctxOf(alice), { provider: "mindo", batchId: "nope", label: "x" }),
    ).rejects.toMatchObject({ code: "invalid_batch_id" });
    await setBatchLabel(ctxOf(alice), { ...batch, batchId: " sim-running ", label: "Trimmed" });
    expect(await getBatchLabel(ctxOf(alice), batch)).toEqual({ label: "Trimmed" });
  });

  it("is refused to a role that arrived unchecked", async () => {
    const guest = {
      id: "u3",
      teamId: "t1",
      role: "guest",
      email: "guest@t1.test",
    } as unknown as Actor;
    await expect(setBatchLabel(ctxOf(guest), { ...batch, label: "x" })).rejects.toMatchObject({
      code: "forbidden",
    });
  });
});
