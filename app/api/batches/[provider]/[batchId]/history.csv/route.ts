import { withSession } from "@/lib/server/api/with-api";
import { parseBatchRequest } from "@/lib/server/batches/batch-view";
import { historyCsvFilename, readBatchHistoryCsv, resolveHistoryKey } from "@/lib/server/history";

export const dynamic = "force-dynamic";

// GET /api/batches/{provider}/{batchId}/history.csv[?connection={id}] — every stored snapshot, as a download
export const GET = withSession<{ provider: string; batchId: string }>(
  async ({ url, params, user }) => {
    const ref = parseBatchRequest(params);
    const connectionId = url.searchParams.get("connection");
    const csv = await readBatchHistoryCsv(await resolveHistoryKey(user.teamId, ref, connectionId));
    return new Response(csv, {
      headers: {
        "Content-Type": "text/csv; charset=utf-8",
        "Content-Disposition": `attachment; filename="${historyCsvFilename(ref)}"`,
        "Cache-Control": "private, no-store",
      },
    });
  },
);
