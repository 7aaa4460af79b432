import { emptyResponse } from "@/lib/server/api/response";
import { withSession } from "@/lib/server/api/with-api";
import { removeBoardBatch } from "@/lib/server/boards";
import { getDb } from "@/lib/server/db/database";
import { parseUuid } from "@/lib/server/api/request-origin";

export const dynamic = "force-dynamic";

// DELETE /api/boards/{id}/batches/{boardBatchId} — take a batch off the board
export const DELETE = withSession<{ id: string; boardBatchId: string }>(
  async ({ params, user }) => {
    const id = parseUuid(params.id, "board");
    const boardBatchId = parseUuid(params.boardBatchId, "board batch");
    await removeBoardBatch(await getDb(), user, id, boardBatchId);
    return emptyResponse();
  },
);
