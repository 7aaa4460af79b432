import { batchQuerySchema, parseBatchRequest } from "@/lib/batch-ref";
import { jsonTextResponse, parseQuery, publicContext, sessionContext, withApi } from "@/lib/server/api";
import { getBatchViewBody, getSharedBatchViewBody } from "@/lib/server/batches";

export const dynamic = "force-dynamic";

type Params = { provider: string; batchId: string };

// GET /api/batches/{provider}/{batchId}[?connection={id}][&share={token}] — one batch, from the poll scheduler.
// A share token stands in for a session, but only for the batches its link covers (403 otherwise).
export const GET = withApi<Params>(async ({ request, url, params }) => {
  const { connection, share } = parseQuery(url, batchQuerySchema);
  const connectionId = connection ?? null;
  if (share === undefined) {
    const ctx = await sessionContext(request);
    return jsonTextResponse(await getBatchViewBody(ctx, { ...parseBatchRequest(params), connectionId }));
  }
  const input = { ...parseBatchRequest(params), connectionId, token: share };
  return jsonTextResponse(await getSharedBatchViewBody(await publicContext(), input));
});
