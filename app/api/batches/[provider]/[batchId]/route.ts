import { batchQuerySchema, parseBatchRequest } from "@/lib/batch-ref";
import { parseQuery, publicContext, sessionContext, taggedJsonResponse, withApi } from "@/lib/server/api";
import { getBatchViewBody, getSharedBatchViewBody } from "@/lib/server/batches";

export const dynamic = "force-dynamic";

type Params = { provider: string; batchId: string };

// GET /api/batches/{provider}/{batchId}[?connection={id}][&share={token}] — one batch, from the poll scheduler.
// A share token stands in for a session, but only for the batches its link covers (403 otherwise).
// If-None-Match with the answer's ETag: 304 and no body while nothing the viewer sees has changed.
export const GET = withApi<Params>(async ({ request, url, params }) => {
  const { connection, share } = parseQuery(url, batchQuerySchema);
  const connectionId = connection ?? null;
  if (share === undefined) {
    const ctx = await sessionContext(request);
    return taggedJsonResponse(request, await getBatchViewBody(ctx, { ...parseBatchRequest(params), connectionId }));
  }
  const input = { ...parseBatchRequest(params), connectionId, token: share };
  return taggedJsonResponse(request, await getSharedBatchViewBody(await publicContext(), input));
});
