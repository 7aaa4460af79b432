import { boardBatchInputSchema } from "@/lib/board";
import { jsonResponse, parseBody, parseUuid, withSession } from "@/lib/server/api";
import { addBoardBatch } from "@/lib/server/boards";

export const dynamic = "force-dynamic";

// POST /api/boards/{id}/batches — add a batch {provider, batchId, connectionId?, label?} at the end
export const POST = withSession<{ id: string }>(async ({ ctx, request, params }) => {
  const boardId = parseUuid(params.id, "board");
  const batch = await parseBody(
    request,
    boardBatchInputSchema,
    "Give a provider, a batch id and optionally a label.",
  );
  return jsonResponse({ item: await addBoardBatch(ctx, { boardId, batch }) }, 201);
});
