import { jsonResponse } from "@/lib/server/api/response";
import { withSession } from "@/lib/server/api/with-api";
import { parseBatchRequest } from "@/lib/server/batches/batch-view";
import { readBatchHistory, resolveHistoryKey } from "@/lib/server/history";

export const dynamic = "force-dynamic";

// GET /api/batches/{provider}/{batchId}/history[?connection={id}] — stored progress, thinned for a chart
export const GET = withSession<{ provider: string; batchId: string }>(
  async ({ url, params, user }) => {
    const ref = parseBatchRequest(params);
    const connectionId = url.searchParams.get("connection");
    return jsonResponse(
      await readBatchHistory(await resolveHistoryKey(user.teamId, ref, connectionId)),
    );
  },
);
