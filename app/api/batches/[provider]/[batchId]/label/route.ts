import { batchQuerySchema, parseBatchRequest } from "@/lib/batch-ref";
import { setBatchLabelSchema } from "@/lib/batch-label";
import { jsonResponse, parseBody, parseQuery, withSession } from "@/lib/server/api";
import { setBatchLabel } from "@/lib/server/labels";

export const dynamic = "force-dynamic";

// PUT /api/batches/{provider}/{batchId}/label[?connection={id}] — name the batch for the team {label}; null or blank clears it
export const PUT = withSession<{ provider: string; batchId: string }>(
  async ({ ctx, request, url, params }) => {
    const ref = parseBatchRequest(params);
    const { connection } = parseQuery(url, batchQuerySchema);
    const { label } = await parseBody(
      request,
      setBatchLabelSchema,
      "Give a label of at most 120 characters, or null to clear it.",
    );
    return jsonResponse(await setBatchLabel(ctx, { ...ref, connectionId: connection, label }));
  },
);
