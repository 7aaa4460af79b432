import type { Kysely } from "kysely";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Database } from "@/lib/server/db/schema";
import type { Actor } from "@/lib/server/security/permissions";
import type { ServiceContext } from "@/lib/server/service-context";
import { openTempDatabase } from "@/lib/server/testing/temp-database";
import {
  addBoardBatch,
  createBoard,
  deleteBoard,
  getBoard,
  listBoards,
  removeBoardBatch,
  renameBoard,
  reorderBoardBatches,
} from ".";

const alice: Actor = { id: "u1", teamId: "t1", role: "member", email: "alice@t1.test" };
const mallory: Actor = { id: "u9", teamId: "t2", role: "admin", email: "mallory@t2.test" };
const mindoRunning = "00000000-0000-4000-8000-000000000002";
const bolnaRunning = "00000000000000000000000000000002";

let db: Kysely<Database>;
let close: () => Promise<void>;

beforeEach(async () => {
  ({ db, close } = await openTempDatabase());
});
afterEach(async () => close());

const ctxOf = (actor: Actor): ServiceContext => ({ db, actor });

async function countRows(table: "boards" | "board_batches" | "share_links"): Promise<number> {
  const row = await db
    .selectFrom(table)
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

function fourProviderBoard() {
  return createBoard(ctxOf(alice), {
    name: "Black Friday",
    batches: [
      { provider: "migma", batchId: "sim-running", label: "Email" },
      { provider: "mindo", batchId: mindoRunning },
      { provider: "bolna", batchId: bolnaRunning, label: "  " },
      { provider: "sendgrid", batchId: "sim-paused" },
    ],
  });
}

describe("boards", () => {
  it("creates a board with its batches in order, on the default env connections", async () => {
    const board = await fourProviderBoard();
    expect(board.name).toBe("Black Friday");
    expect(board.batches.map((b) => [b.provider, b.connectionId, b.position, b.label])).toEqual([
      ["migma", "env-migma", 0, "Email"],
      ["mindo", "env-mindo", 1, null],
      ["bolna", "env-bolna", 2, null],
      ["sendgrid", "env-sendgrid", 3, null],
    ]);
    expect(await getBoard(ctxOf(alice), { boardId: board.id })).toEqual(board);
  });

  it("creates nothing when one batch id is invalid", async () => {
    const attempt = createBoard(ctxOf(alice), {
      name: "Broken",
      batches: [
        { provider: "migma", batchId: "sim-running" },
        { provider: "mindo", batchId: "not-a-uuid" },
      ],
    });
    await expect(attempt).rejects.toMatchObject({ code: "invalid_batch_id" });
    expect(await countRows("boards")).toBe(0);
    expect(await countRows("board_batches")).toBe(0);
  });

  it("creates nothing when the same batch is listed twice", async () => {
    const batch = { provider: "migma", batchId: "sim-running" } as const;
    await expect(
      createBoard(ctxOf(alice), { name: "Twice", batches: [batch, batch] }),
    ).rejects.toMatchObject({ code: "conflict" });
    expect(await countRows("boards")).toBe(0);
  });

  it("refuses a connection of another team", async () => {
    await db
      .insertInto("connections")
      .values({
        id: "c-t2",
        team_id: "t2",
        provider: "migma",
        name: "Theirs",
        region: null,
        encrypted_key: "x",
        key_last4: "1234",
        budget_per_minute: null,
        created_at: "2026-01-01T00:00:00Z",
        updated_at: "2026-01-01T00:00:00Z",
      })
      .execute();
    const batches = [{ provider: "migma", batchId: "sim-running", connectionId: "c-t2" }] as const;
    await expect(
      createBoard(ctxOf(alice), { name: "Borrowed", batches: [...batches] }),
    ).rejects.toMatchObject({ code: "not_found" });
    const own = await createBoard(ctxOf(mallory), { name: "Own", batches: [...batches] });
    expect(own.batches[0]?.connectionId).toBe("c-t2");
  });

  it("lists the team's boards with batch counts", async () => {
    const board = await fourProviderBoard();
    await createBoard(ctxOf(alice), { name: "Empty", batches: [] }, new Date(Date.now() + 1000));
    await createBoard(ctxOf(mallory), { name: "Other team", batches: [] });
    const list = await listBoards(ctxOf(alice));
    expect(list.map((item) => [item.name, item.batchCount])).toEqual([
      ["Empty", 0],
      ["Black Friday", 4],
    ]);
    expect(list[1]?.id).toBe(board.id);
  });

  it("lists each board's batches by where they were last seen, from stored snapshots", async () => {
    const board = await fourProviderBoard();
    const snapshot = (key: string, at: string, state: string) => ({
      poll_key: key,
      fetched_at: at,
      state,
      processed: 0,
      total: null,
      data: "{}",
    });
    await db
      .insertInto("batch_snapshots")
      .values([
        snapshot("env-migma:migma:sim-running", "2026-01-01T00:00:00.000Z", "running"),
        snapshot("env-migma:migma:sim-running", "2026-01-01T00:05:00.000Z", "failed"),
        snapshot(`env-mindo:mindo:${mindoRunning}`, "2026-01-01T00:00:00.000Z", "running"),
        snapshot("env-sendgrid:sendgrid:sim-paused", "2026-01-01T00:00:00.000Z", "paused"),
        // Another team's board is not counted, nor another account's batch of the same id.
        snapshot(`c-other:bolna:${bolnaRunning}`, "2026-01-01T00:00:00.000Z", "completed"),
      ])
      .execute();
    const [listed] = await listBoards(ctxOf(alice));
    expect(listed?.id).toBe(board.id);
    expect(listed?.states).toEqual({ running: 1, waiting: 1, done: 0, failed: 1, unseen: 1 });
  });

  it("renames, adds, removes and reorders", async () => {
    const board = await fourProviderBoard();
    expect((await renameBoard(ctxOf(alice), { boardId: board.id, name: "Cyber Monday" })).name).toBe("Cyber Monday");
    const added = await addBoardBatch(ctxOf(alice), { boardId: board.id, batch: {
      provider: "migma",
      batchId: "sim-completed",
      label: "Late",
    } });
    expect(added).toMatchObject({ position: 4, label: "Late", connectionId: "env-migma" });
    await expect(
      addBoardBatch(ctxOf(alice), { boardId: board.id, batch: { provider: "migma", batchId: "sim-completed" } }),
    ).rejects.toMatchObject({ code: "conflict" });
    const first = board.batches[0];
    if (!first) throw new Error("fixture");
    await removeBoardBatch(ctxOf(alice), { boardId: board.id, boardBatchId: first.id });
    const ids = (await getBoard(ctxOf(alice), { boardId: board.id })).batches.map((b) => b.id);
    const reversed = [...ids].reverse();
    const reordered = await reorderBoardBatches(ctxOf(alice), { boardId: board.id, ids: reversed });
    expect(reordered.batches.map((b) => b.id)).toEqual(reversed);
    expect(reordered.batches.map((b) => b.position)).toEqual([0, 1, 2, 3]);
  });

  it("refuses a reorder that is not the board's full set", async () => {
    const board = await fourProviderBoard();
    const ids = board.batches.map((b) => b.id);
    for (const wrong of [ids.slice(1), [...ids, ids[0] ?? ""], [...ids.slice(1), "someone-else"]]) {
      await expect(reorderBoardBatches(ctxOf(alice), { boardId: board.id, ids: wrong })).rejects.toMatchObject({
        code: "bad_request",
      });
    }
    expect((await getBoard(ctxOf(alice), { boardId: board.id })).batches.map((b) => b.id)).toEqual(ids);
  });

  it("deletes a board with its batches and share links", async () => {
    const board = await fourProviderBoard();
    await db
      .insertInto("share_links")
      .values({
        id: "l1",
        team_id: "t1",
        board_id: board.id,
        connection_id: null,
        provider: null,
        batch_id: null,
        token_hash: "h",
        created_by: "u1",
        created_at: "2026-01-01T00:00:00Z",
        expires_at: null,
        revoked_at: null,
        last_used_at: null,
      })
      .execute();
    await deleteBoard(ctxOf(alice), { boardId: board.id });
    expect([
      await countRows("boards"),
      await countRows("board_batches"),
      await countRows("share_links"),
    ]).toEqual([0, 0, 0]);
    await expect(getBoard(ctxOf(alice), { boardId: board.id })).rejects.toMatchObject({ code: "not_found" });
  });

  it("keeps teams apart: another team's board id is not found for every verb", async () => {
    const board = await fourProviderBoard();
    const batchId = board.batches[0]?.id ?? "";
    // Each attempt starts only when it is awaited, so no rejection is left unobserved.
    const attempts = [
      () => getBoard(ctxOf(mallory), { boardId: board.id }),
      () => renameBoard(ctxOf(mallory), { boardId: board.id, name: "Mine now" }),
      () => deleteBoard(ctxOf(mallory), { boardId: board.id }),
      () => addBoardBatch(ctxOf(mallory), { boardId: board.id, batch: { provider: "migma", batchId: "sim-failed" } }),
      () => removeBoardBatch(ctxOf(mallory), { boardId: board.id, boardBatchId: batchId }),
      () => reorderBoardBatches(ctxOf(mallory), { boardId: board.id, ids: board.batches.map((b) => b.id) }),
    ];
    for (const attempt of attempts)
      await expect(attempt()).rejects.toMatchObject({ code: "not_found" });
    expect(await listBoards(ctxOf(mallory))).toEqual([]);
    expect(await getBoard(ctxOf(alice), { boardId: board.id })).toEqual(board);
  });

  it("says not found for a board batch id of another board", async () => {
    const a = await fourProviderBoard();
    const b = await createBoard(ctxOf(alice), {
      name: "B",
      batches: [{ provider: "migma", batchId: "sim-failed" }],
    });
    await expect(removeBoardBatch(ctxOf(alice), { boardId: a.id, boardBatchId: b.batches[0]?.id ?? "" })).rejects.toMatchObject({
      code: "not_found",
    });
  });

  it("denies a role that arrived unchecked", async () => {
    const stranger = { id: "u3", teamId: "t1", role: "guest", email: "guest@t1.test" } as unknown as Actor;
    await expect(listBoards(ctxOf(stranger))).rejects.toMatchObject({ code: "forbidden" });
  });
});
