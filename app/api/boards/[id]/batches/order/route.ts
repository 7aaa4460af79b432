import { reorderBoardSchema } from "@/lib/board";
import { jsonResponse } from "@/lib/server/api/response";
import { withSession } from "@/lib/server/api/with-api";
import { reorderBoardBatches } from "@/lib/server/boards";
import { getDb } from "@/lib/server/db/database";
import { parseJsonBody, parseUuid } from "@/lib/server/api/request-origin";

export const dynamic = "force-dynamic";

// PUT /api/boards/{id}/batches/order — the full new order {ids:[boardBatchId…]}
export const PUT = withSession<{ id: string }>(async ({ request, params, user }) => {
  const id = parseUuid(params.id, "board");
  const { ids } = await parseJsonBody(
    request,
    reorderBoardSchema,
    "Send {ids: [...]}, every batch of the board once.",
  );
  return jsonResponse(await reorderBoardBatches(await getDb(), user, id, ids));
});
