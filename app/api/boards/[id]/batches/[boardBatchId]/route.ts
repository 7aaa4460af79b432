import { emptyResponse, parseUuid, withSession } from "@/lib/server/api";
import { removeBoardBatch } from "@/lib/server/boards";

export const dynamic = "force-dynamic";

// DELETE /api/boards/{id}/batches/{boardBatchId} — take a batch off the board
export const DELETE = withSession<{ id: string; boardBatchId: string }>(async ({ ctx, params }) => {
  const boardId = parseUuid(params.id, "board");
  const boardBatchId = parseUuid(params.boardBatchId, "board batch");
  await removeBoardBatch(ctx, { boardId, boardBatchId });
  return emptyResponse();
});
