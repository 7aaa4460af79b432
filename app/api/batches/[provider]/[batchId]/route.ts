import { getBatchSnapshot } from "@/lib/server/batch-service";
import { jsonResponse } from "@/lib/server/api-response";
import { withSession } from "@/lib/server/api-route";

export const dynamic = "force-dynamic";

// GET /api/batches/{provider}/{batchId} — one batch, normalised
export const GET = withSession<{ provider: string; batchId: string }>(async ({ params }) => {
  const snapshot = await getBatchSnapshot(params.provider, params.batchId);
  return jsonResponse(snapshot);
});
