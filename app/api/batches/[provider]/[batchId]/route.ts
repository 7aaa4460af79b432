import { getTeamBatchView, parseBatchRequest } from "@/lib/server/batch-service";
import { getDb } from "@/lib/server/db/database";
import { jsonResponse } from "@/lib/server/api-response";
import { withApi } from "@/lib/server/api-route";
import { hashToken } from "@/lib/server/security/tokens";
import { requireApiSession } from "@/lib/server/session";
import { authorizeShareBatch } from "@/lib/server/share-links";

export const dynamic = "force-dynamic";

// GET /api/batches/{provider}/{batchId}[?connection={id}][&share={token}] — one batch, from the poll scheduler.
// A share token stands in for a session, but only for the batches its link covers (403 otherwise).
export const GET = withApi<{ provider: string; batchId: string }>(async ({ request, params }) => {
  const search = new URL(request.url).searchParams;
  const share = search.get("share");
  const connectionId = search.get("connection");
  if (share === null) {
    const user = await requireApiSession();
    return jsonResponse(await getTeamBatchView(user.teamId, parseBatchRequest(params), connectionId, `user:${user.id}`));
  }
  const ref = parseBatchRequest(params);
  const scope = await authorizeShareBatch(await getDb(), share, { ...ref, connectionId: connectionId ?? undefined });
  const viewer = `share:${hashToken(share).slice(0, 16)}`;
  return jsonResponse(await getTeamBatchView(scope.teamId, ref, scope.connectionId, viewer));
});
