import "server-only";
import type { Kysely } from "kysely";
import type { BoardStates } from "@/lib/board";
import { batchStateSchema } from "@/lib/batch-snapshot";
import { batchBucket } from "@/lib/board-summary";
import { isProviderId } from "@/lib/providers/provider-id";
import type { Database } from "@/lib/server/db/schema";
import { readLatestStates } from "@/lib/server/history";
import { pollKeyToString } from "@/lib/server/polling";

export function noBoardStates(): BoardStates {
  return { running: 0, waiting: 0, done: 0, failed: 0, unseen: 0 };
}

/**
 * Each of the team's boards by where its batches are, from the newest stored snapshot of each:
 * read from the database, so the boards index costs no provider call. A batch Sendboard has
 * never polled (nobody opened it yet) is `unseen`.
 */
export async function readBoardStates(
  db: Kysely<Database>,
  teamId: string,
): Promise<Map<string, BoardStates>> {
  const rows = await db
    .selectFrom("board_batches")
    .innerJoin("boards", "boards.id", "board_batches.board_id")
    .select([
      "board_batches.board_id",
      "board_batches.connection_id",
      "board_batches.provider",
      "board_batches.batch_id",
    ])
    .where("boards.team_id", "=", teamId)
    .execute();
  // A provider this build does not know (written by a newer version) is left out, as on the board.
  const batches = rows.flatMap(
    ({ board_id: boardId, connection_id: connectionId, provider, batch_id: batchId }) =>
      isProviderId(provider)
        ? [{ boardId, key: pollKeyToString({ connectionId, provider, batchId }) }]
        : [],
  );
  const latest = await readLatestStates(
    db,
    batches.map((batch) => batch.key),
  );
  const states = new Map<string, BoardStates>();
  for (const { boardId, key } of batches) {
    const counts = states.get(boardId) ?? noBoardStates();
    const state = batchStateSchema.safeParse(latest.get(key));
    counts[state.success ? batchBucket(state.data) : "unseen"] += 1;
    states.set(boardId, counts);
  }
  return states;
}
