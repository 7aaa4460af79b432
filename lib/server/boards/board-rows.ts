import "server-only";
import { randomUUID } from "node:crypto";
import type { PreparedBoardBatch } from "./board-batch-input";
import type { Kysely, Selectable } from "kysely";
import type { Board, BoardBatch } from "@/lib/board";
import { AppError } from "@/lib/errors";
import { isProviderId } from "@/lib/providers/provider-id";
import type { BoardBatchesTable, BoardsTable, Database } from "@/lib/server/db/schema";

export type BoardRow = Selectable<BoardsTable>;
export type BoardBatchRow = Selectable<BoardBatchesTable>;

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
    .selectAll()
    .where("board_id", "=", boardId)
    .orderBy("position")
    .orderBy("added_at")
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

/** The row for one batch on a board, as both board creation and "add batch" insert it. */
export function newBoardBatchRow(boardId: string, batch: PreparedBoardBatch, position: number, addedAt: string): BoardBatchRow {
  return {
    id: randomUUID(),
    board_id: boardId,
    connection_id: batch.connectionId,
    provider: batch.provider,
    batch_id: batch.batchId,
    label: batch.label,
    position,
    added_at: addedAt,
  };
}
