import "server-only";
import type { Board, BoardBatch, BoardBatchInput } from "@/lib/board";
import { MAX_BOARD_BATCHES } from "@/lib/board";
import { AppError } from "@/lib/errors";
import { assertCan } from "@/lib/server/security/permissions";
import type { ServiceContext } from "@/lib/server/service-context";
import { isUniqueViolation } from "@/lib/server/db/unique-violation";
import { prepareBoardBatch } from "./board-batch-input";
import { findTeamBoard, insertBoardBatch, listBoardBatchRows, toBoard, toBoardBatch } from "./board-rows";
import type { BoardBatchRow } from "./board-rows";

const ALREADY_ON_BOARD = "This batch is already on the board.";

export async function addBoardBatch(
  { db, actor }: ServiceContext,
  { boardId, batch: input }: { boardId: string; batch: BoardBatchInput },
  now = new Date(),
): Promise<BoardBatch> {
  // Not boards:write: an operator API token may add a batch without being able to change the board otherwise.
  assertCan(actor, "boards:add-batch");
  const board = await findTeamBoard(db, actor.teamId, boardId);
  const batch = await prepareBoardBatch(db, actor.teamId, input);
  const at = now.toISOString();
  let row: BoardBatchRow;
  try {
    row = await db.transaction().execute(async (trx) => {
      const existing = await listBoardBatchRows(trx, board.id);
      if (existing.length >= MAX_BOARD_BATCHES) {
        throw new AppError("conflict", `A board holds at most ${MAX_BOARD_BATCHES} batches.`);
      }
      const position = existing.reduce((max, row) => Math.max(max, row.position + 1), 0);
      const added = await insertBoardBatch(trx, actor.teamId, { boardId: board.id, batch, position, now });
      await trx.updateTable("boards").set({ updated_at: at }).where("id", "=", board.id).execute();
      return added;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError("conflict", ALREADY_ON_BOARD);
    throw error;
  }
  // The row just written is the answer: no need to read it back.
  const added = toBoardBatch(row);
  if (!added) throw new AppError("internal", "The batch was added but cannot be read back.");
  return added;
}

export async function removeBoardBatch(
  { db, actor }: ServiceContext,
  { boardId, boardBatchId }: { boardId: string; boardBatchId: string },
  now = new Date(),
): Promise<void> {
  assertCan(actor, "boards:write");
  const board = await findTeamBoard(db, actor.teamId, boardId);
  const result = await db
    .deleteFrom("board_batches")
    .where("id", "=", boardBatchId)
    .where("board_id", "=", board.id)
    .executeTakeFirst();
  if (result.numDeletedRows === BigInt(0))
    throw new AppError("not_found", "This batch is not on the board.");
  await db
    .updateTable("boards")
    .set({ updated_at: now.toISOString() })
    .where("id", "=", board.id)
    .execute();
}

/** `ids` is the board's full new order: every batch of the board exactly once. */
export async function reorderBoardBatches(
  { db, actor }: ServiceContext,
  { boardId, ids }: { boardId: string; ids: string[] },
  now = new Date(),
): Promise<Board> {
  assertCan(actor, "boards:write");
  const board = await findTeamBoard(db, actor.teamId, boardId);
  await db.transaction().execute(async (trx) => {
    const current = new Set((await listBoardBatchRows(trx, board.id)).map((row) => row.id));
    const complete =
      ids.length === current.size &&
      new Set(ids).size === ids.length &&
      ids.every((id) => current.has(id));
    if (!complete)
      throw new AppError(
        "bad_request",
        "Send every batch of the board exactly once, in the new order.",
      );
    for (const [position, id] of ids.entries()) {
      await trx
        .updateTable("board_batches")
        .set({ position })
        .where("id", "=", id)
        .where("board_id", "=", board.id)
        .execute();
    }
    await trx
      .updateTable("boards")
      .set({ updated_at: now.toISOString() })
      .where("id", "=", board.id)
      .execute();
  });
  return toBoard(
    await findTeamBoard(db, actor.teamId, board.id),
    await listBoardBatchRows(db, board.id),
  );
}
