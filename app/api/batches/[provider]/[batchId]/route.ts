import { getTeamBatchView, parseBatchRequest } from "@/lib/server/batch-service";
import { jsonResponse } from "@/lib/server/api-response";
import { withSession } from "@/lib/server/api-route";

export const dynamic = "force-dynamic";

// GET /api/batches/{provider}/{batchId}[?connection={id}] — one batch, normalised, from the poll scheduler
export const GET = withSession<{ provider: string; batchId: string }>(async ({ request, params, user }) => {
  const ref = parseBatchRequest(params);
  const connectionId = new URL(request.url).searchParams.get("connection");
  return jsonResponse(await getTeamBatchView(user.teamId, ref, connectionId, `user:${user.id}`));
});
