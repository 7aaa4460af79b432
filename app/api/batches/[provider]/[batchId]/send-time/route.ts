import { batchQuerySchema, parseBatchRequest } from "@/lib/batch-ref";
import { jsonResponse, parseBody, parseQuery, withSession } from "@/lib/server/api";
import { setSendTime } from "@/lib/server/batches";
import { setSendTimeSchema } from "@/lib/send-time-input";

export const dynamic = "force-dynamic";

// PUT /api/batches/{provider}/{batchId}/send-time[?connection={id}] — {sendAt: ISO 8601 | null}: when a SendGrid batch sends
export const PUT = withSession<{ provider: string; batchId: string }>(async ({ ctx, request, url, params }) => {
  const ref = parseBatchRequest(params);
  const { connection } = parseQuery(url, batchQuerySchema);
  const { sendAt } = await parseBody(request, setSendTimeSchema, "Give sendAt as an ISO 8601 time with its offset, or null to forget it.");
  return jsonResponse(await setSendTime(ctx, { ...ref, connectionId: connection ?? null, sendAt }));
});
