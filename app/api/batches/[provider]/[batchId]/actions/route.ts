import { batchActionRequestSchema } from "@/lib/batch-action";
import { parseBatchRequest } from "@/lib/batch-ref";
import { controlBatch } from "@/lib/server/actions";
import { parseBody, taggedJsonResponse, withSession } from "@/lib/server/api";

export const dynamic = "force-dynamic";

// POST /api/batches/{provider}/{batchId}/actions — {action: pause|resume|cancel|stop, connectionId?}
// at the provider, once per double click; 200 with the batch as GET answers it, freshly polled.
export const POST = withSession<{ provider: string; batchId: string }>(async ({ ctx, request, params }) => {
  const ref = parseBatchRequest(params);
  const { action, connectionId } = await parseBody(request, batchActionRequestSchema, "Give an action: pause, resume, cancel or stop.");
  return taggedJsonResponse(request, await controlBatch(ctx, { ...ref, connectionId: connectionId ?? null, action }));
});
