import "server-only";
import { randomUUID } from "node:crypto";
import type { PreparedBoardBatch } from "./board-batch-input";
import type { Kysely, Selectable } from "kysely";
import type { Board, BoardBatch } from "@/lib/board";
import { AppError } from "@/lib/errors";
import { isProviderId } from "@/lib/providers/provider-id";
import type { BoardBatchesTable, BoardsTable, Database } from "@/lib/server/db/schema";
import { findBatchLabel, saveBatchLabel } from "@/lib/server/labels";
import { saveSendTime } from "@/lib/server/send-times";

export type BoardRow = Selectable<BoardsTable>;
/** A batch on a board, with the team's label of it (lib/server/labels). */
export type BoardBatchRow = Selectable<BoardBatchesTable> & { label: string | null };

const NOT_FOUND = "This board does not exist.";

export function boardNotFound(): AppError {
  return new AppError("not_found", NOT_FOUND);
}

/** Every board read and write starts here: a board of another team is simply not found. */
export async function findTeamBoard(
  db: Kysely<Database>,
  teamId: string,
  boardId: string,
): Promise<BoardRow> {
  const row = await db
    .selectFrom("boards")
    .selectAll()
    .where("id", "=", boardId)
    .where("team_id", "=", teamId)
    .executeTakeFirst();
  if (!row) throw boardNotFound();
  return row;
}

export async function listBoardBatchRows(
  db: Kysely<Database>,
  boardId: string,
): Promise<BoardBatchRow[]> {
  return db
    .selectFrom("board_batches")
    .innerJoin("boards", "boards.id", "board_batches.board_id")
    .leftJoin("batch_labels", (join) =>
      join
        .onRef("batch_labels.team_id", "=", "boards.team_id")
        .onRef("batch_labels.connection_id", "=", "board_batches.connection_id")
        .onRef("batch_labels.provider", "=", "board_batches.provider")
        .onRef("batch_labels.batch_id", "=", "board_batches.batch_id"),
    )
    .selectAll("board_batches")
    .select("batch_labels.label")
    .where("board_batches.board_id", "=", boardId)
    .orderBy("board_batches.position")
    .orderBy("board_batches.added_at")
    .execute();
}

export function toBoardBatch(row: BoardBatchRow): BoardBatch | null {
  // A provider this build does not know (written by a newer version) is skipped, not fatal.
  if (!isProviderId(row.provider)) return null;
  return {
    id: row.id,
    connectionId: row.connection_id,
    provider: row.provider,
    batchId: row.batch_id,
    label: row.label,
    position: row.position,
    addedAt: row.added_at,
  };
}

export function toBoard(row: BoardRow, batches: BoardBatchRow[]): Board {
  return {
    id: row.id,
    name: row.name,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    batches: batches.map(toBoardBatch).filter((batch): batch is BoardBatch => batch !== null),
  };
}

/**
 * Puts one batch on a board, as both board creation and "add batch" do; a label given with it
 * names the batch for the team. Returns the board batch as the board now shows it.
 */
export async function insertBoardBatch(
  db: Kysely<Database>,
  teamId: string,
  { boardId, batch, position, now }: { boardId: string; batch: PreparedBoardBatch; position: number; now: Date },
): Promise<BoardBatchRow> {
  const row = {
    id: randomUUID(),
    board_id: boardId,
    connection_id: batch.connectionId,
    provider: batch.provider,
    batch_id: batch.batchId,
    position,
    added_at: now.toISOString(),
  };
  await db.insertInto("board_batches").values(row).execute();
  const key = { teamId, ...batch };
  if (batch.label !== null) await saveBatchLabel(db, key, batch.label, now);
  if (batch.sendAt !== null) await saveSendTime(db, batch, batch.sendAt, now);
  return { ...row, label: batch.label ?? (await findBatchLabel(db, key)) };
}
