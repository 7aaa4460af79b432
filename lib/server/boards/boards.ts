import "server-only";
import { randomUUID } from "node:crypto";
import type { Board, BoardBatchInput, BoardSummary } from "@/lib/board";
import { AppError } from "@/lib/errors";
import { assertCan } from "@/lib/server/security/permissions";
import type { ServiceContext } from "@/lib/server/service-context";
import { boardBatchKey, prepareBoardBatch } from "./board-batch-input";
import type { PreparedBoardBatch } from "./board-batch-input";
import { isUniqueViolation } from "@/lib/server/db/unique-violation";
import { findTeamBoard, insertBoardBatch, listBoardBatchRows, toBoard } from "./board-rows";
import { noBoardStates, readBoardStates } from "./board-states";

const DUPLICATE = "The same batch is listed twice on this board.";

/** All or nothing: one bad id, a foreign connection or a duplicate and no board is created. */
export async function createBoard(
  ctx: ServiceContext,
  input: { name: string; batches: BoardBatchInput[] },
  now = new Date(),
): Promise<Board> {
  const { db, actor } = ctx;
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
      for (const [position, batch] of prepared.entries())
        await insertBoardBatch(trx, actor.teamId, { boardId: id, batch, position, now });
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError("conflict", DUPLICATE);
    throw error;
  }
  return getBoard(ctx, { boardId: id });
}

export async function listBoards({ db, actor }: ServiceContext): Promise<BoardSummary[]> {
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
  const states = await readBoardStates(db, actor.teamId);
  return rows.map((row) => ({
    id: row.id,
    name: row.name,
    batchCount: Number(row.batch_count),
    states: states.get(row.id) ?? noBoardStates(),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  }));
}

export async function getBoard(
  { db, actor }: ServiceContext,
  { boardId }: { boardId: string },
): Promise<Board> {
  assertCan(actor, "boards:read");
  const row = await findTeamBoard(db, actor.teamId, boardId);
  return toBoard(row, await listBoardBatchRows(db, row.id));
}

export async function renameBoard(
  ctx: ServiceContext,
  { boardId, name }: { boardId: string; name: string },
  now = new Date(),
): Promise<Board> {
  const { db, actor } = ctx;
  assertCan(actor, "boards:write");
  const row = await findTeamBoard(db, actor.teamId, boardId);
  await db
    .updateTable("boards")
    .set({ name, updated_at: now.toISOString() })
    .where("id", "=", row.id)
    .execute();
  return getBoard(ctx, { boardId: row.id });
}

/** The board goes with its batches and every share link to it, so no link outlives its board. */
export async function deleteBoard(
  { db, actor }: ServiceContext,
  { boardId }: { boardId: string },
): Promise<void> {
  assertCan(actor, "boards:write");
  await db.transaction().execute(async (trx) => {
    const row = await findTeamBoard(trx, actor.teamId, boardId);
    await trx.deleteFrom("share_links").where("board_id", "=", row.id).execute();
    await trx.deleteFrom("board_batches").where("board_id", "=", row.id).execute();
    // What the board followed goes with it (auto-watch); a rule never outlives its board.
    const rules = trx.selectFrom("auto_watch_rules").select("id").where("board_id", "=", row.id);
    await trx.deleteFrom("auto_watch_additions").where("rule_id", "in", rules).execute();
    await trx.deleteFrom("auto_watch_rules").where("board_id", "=", row.id).execute();
    await trx.deleteFrom("boards").where("id", "=", row.id).execute();
  });
}
