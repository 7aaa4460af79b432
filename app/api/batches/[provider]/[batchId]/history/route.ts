import { batchQuerySchema, parseBatchRequest } from "@/lib/batch-ref";
import { jsonResponse, parseQuery, withSession } from "@/lib/server/api";
import { getBatchHistory } from "@/lib/server/batches";

export const dynamic = "force-dynamic";

// GET /api/batches/{provider}/{batchId}/history[?connection={id}] — stored progress, thinned for a chart
export const GET = withSession<{ provider: string; batchId: string }>(
  async ({ ctx, url, params }) => {
    const ref = parseBatchRequest(params);
    const { connection } = parseQuery(url, batchQuerySchema);
    return jsonResponse(await getBatchHistory(ctx, { ...ref, connectionId: connection ?? null }));
  },
);
