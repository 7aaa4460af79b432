import "server-only";
import { randomUUID } from "node:crypto";
import type { Kysely } from "kysely";
import type { Board, BoardBatchInput, BoardSummary } from "@/lib/board";
import { AppError } from "@/lib/errors";
import type { Database } from "@/lib/server/db/schema";
import { assertCan } from "@/lib/server/security/permissions";
import type { Actor } from "@/lib/server/security/permissions";
import { boardBatchKey, prepareBoardBatch } from "./board-batch-input";
import type { PreparedBoardBatch } from "./board-batch-input";
import { isUniqueViolation } from "@/lib/server/db/unique-violation";
import { findTeamBoard, listBoardBatchRows, newBoardBatchRow, toBoard } from "./board-rows";

const DUPLICATE = "The same batch is listed twice on this board.";

/** All or nothing: one bad id, a foreign connection or a duplicate and no board is created. */
export async function createBoard(
  db: Kysely<Database>,
  actor: Actor,
  input: { name: string; batches: BoardBatchInput[] },
  now = new Date(),
): Promise<Board> {
  assertCan(actor, "boards:write");
  const prepared: PreparedBoardBatch[] = [];
  for (const batch of input.batches)
    prepared.push(await prepareBoardBatch(db, actor.teamId, batch));
  if (new Set(prepared.map(boardBatchKey)).size !== prepared.length)
    throw new AppError("conflict", DUPLICATE);
  const id = randomUUID();
  const at = now.toISOString();
  try {
    await db.transaction().execute(async (trx) => {
      await trx
        .insertInto("boards")
        .values({
          id,
          team_id: actor.teamId,
          name: input.name,
          created_by: actor.id,
          created_at: at,
          updated_at: at,
        })
        .execute();
      for (const [position, batch] of prepared.entries()) {
        await trx.insertInto("board_batches").values(newBoardBatchRow(id, batch, position, at)).execute();
      }
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError("conflict", DUPLICATE);
    throw error;
  }
  return getBoard(db, actor, id);
}

export async function listBoards(db: Kysely<Database>, actor: Actor): Promise<BoardSummary[]> {
  assertCan(actor, "boards:read");
  const rows = await db
    .selectFrom("boards")
    .leftJoin("board_batches", "board_batches.board_id", "boards.id")
    .select(["boards.id", "boards.name", "boards.created_at", "boards.updated_at"])
    .select((eb) => eb.fn.count<number>("board_batches.id").as("batch_count"))
    .where("boards.team_id", "=", actor.teamId)
    .groupBy(["boards.id", "boards.name", "boards.created_at", "boards.updated_at"])
    .orderBy("boards.created_at", "desc")
    .orderBy("boards.id")
    .execute();
  return rows.map((row) => ({
    id: row.id,
    name: row.name,
    batchCount: Number(row.batch_count),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  }));
}

export async function getBoard(
  db: Kysely<Database>,
  actor: Actor,
  boardId: string,
): Promise<Board> {
  assertCan(actor, "boards:read");
  const row = await findTeamBoard(db, actor.teamId, boardId);
  return toBoard(row, await listBoardBatchRows(db, row.id));
}

export async function renameBoard(
  db: Kysely<Database>,
  actor: Actor,
  boardId: string,
  name: string,
  now = new Date(),
): Promise<Board> {
  assertCan(actor, "boards:write");
  const row = await findTeamBoard(db, actor.teamId, boardId);
  await db
    .updateTable("boards")
    .set({ name, updated_at: now.toISOString() })
    .where("id", "=", row.id)
    .execute();
  return getBoard(db, actor, row.id);
}

/** The board goes with its batches and every share link to it, so no link outlives its board. */
export async function deleteBoard(
  db: Kysely<Database>,
  actor: Actor,
  boardId: string,
): Promise<void> {
  assertCan(actor, "boards:write");
  await db.transaction().execute(async (trx) => {
    const row = await findTeamBoard(trx, actor.teamId, boardId);
    await trx.deleteFrom("share_links").where("board_id", "=", row.id).execute();
    await trx.deleteFrom("board_batches").where("board_id", "=", row.id).execute();
    await trx.deleteFrom("boards").where("id", "=", row.id).execute();
  });
}
