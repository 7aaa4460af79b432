import { boardBatchInputSchema } from "@/lib/board";
import { jsonResponse } from "@/lib/server/api/response";
import { withSession } from "@/lib/server/api/with-api";
import { addBoardBatch } from "@/lib/server/boards";
import { getDb } from "@/lib/server/db/database";
import { parseJsonBody, parseUuid } from "@/lib/server/api/request-origin";

export const dynamic = "force-dynamic";

// POST /api/boards/{id}/batches — add a batch {provider, batchId, connectionId?, label?} at the end
export const POST = withSession<{ id: string }>(async ({ request, params, user }) => {
  const id = parseUuid(params.id, "board");
  const input = await parseJsonBody(
    request,
    boardBatchInputSchema,
    "Give a provider, a batch id and optionally a label.",
  );
  const item = await addBoardBatch(await getDb(), user, id, input);
  return jsonResponse({ item }, 201);
});
