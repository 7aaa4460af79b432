import { batchQuerySchema, parseBatchRequest } from "@/lib/batch-ref";
import { parseQuery, withSession } from "@/lib/server/api";
import { getBatchHistoryCsv } from "@/lib/server/batches";

export const dynamic = "force-dynamic";

// GET /api/batches/{provider}/{batchId}/history.csv[?connection={id}] — every stored snapshot, as a download
export const GET = withSession<{ provider: string; batchId: string }>(
  async ({ ctx, url, params }) => {
    const ref = parseBatchRequest(params);
    const { connection } = parseQuery(url, batchQuerySchema);
    const { filename, csv } = await getBatchHistoryCsv(ctx, {
      ...ref,
      connectionId: connection ?? null,
    });
    return new Response(csv, {
      headers: {
        "Content-Type": "text/csv; charset=utf-8",
        "Content-Disposition": `attachment; filename="${filename}"`,
        "Cache-Control": "private, no-store",
      },
    });
  },
);
