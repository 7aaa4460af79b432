import { reorderBoardSchema } from "@/lib/board";
import { jsonResponse, parseBody, parseUuid, withSession } from "@/lib/server/api";
import { reorderBoardBatches } from "@/lib/server/boards";

export const dynamic = "force-dynamic";

// PUT /api/boards/{id}/batches/order — the full new order {ids:[boardBatchId…]}
export const PUT = withSession<{ id: string }>(async ({ ctx, request, params }) => {
  const boardId = parseUuid(params.id, "board");
  const { ids } = await parseBody(
    request,
    reorderBoardSchema,
    "Send {ids: [...]}, every batch of the board once.",
  );
  return jsonResponse(await reorderBoardBatches(ctx, { boardId, ids }));
});
