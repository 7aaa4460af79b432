import { getTeamBatchViewBody, parseBatchRequest } from "@/lib/server/batches/batch-view";
import { getDb } from "@/lib/server/db/database";
import { jsonTextResponse } from "@/lib/server/api/response";
import { withApi } from "@/lib/server/api/with-api";
import { hashToken } from "@/lib/server/security/tokens";
import { requireApiSession } from "@/lib/server/session";
import { authorizeShareBatch } from "@/lib/server/share-links";

export const dynamic = "force-dynamic";

// GET /api/batches/{provider}/{batchId}[?connection={id}][&share={token}] — one batch, from the poll scheduler.
// A share token stands in for a session, but only for the batches its link covers (403 otherwise).
export const GET = withApi<{ provider: string; batchId: string }>(async ({ request, url, params }) => {
  const share = url.searchParams.get("share");
  const connectionId = url.searchParams.get("connection");
  if (share === null) {
    const user = await requireApiSession(request);
    return jsonTextResponse(await getTeamBatchViewBody(user.teamId, parseBatchRequest(params), connectionId, `user:${user.id}`));
  }
  const ref = parseBatchRequest(params);
  const scope = await authorizeShareBatch(await getDb(), share, { ...ref, connectionId: connectionId ?? undefined });
  const viewer = `share:${hashToken(share).slice(0, 16)}`;
  return jsonTextResponse(await getTeamBatchViewBody(scope.teamId, ref, scope.connectionId, viewer));
});
