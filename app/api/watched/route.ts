import { addWatchedBatchSchema } from "@/lib/watched-batch";
import { jsonResponse, parseBody, withSession } from "@/lib/server/api";
import { addWatchedBatch, listWatchedBatches } from "@/lib/server/watched";

export const dynamic = "force-dynamic";

// GET /api/watched — the team's watched batches
export const GET = withSession(async ({ ctx }) => {
  return jsonResponse({ items: await listWatchedBatches(ctx) });
});

// POST /api/watched — add a batch {provider, batchId, label?, connectionId?}
export const POST = withSession(async ({ ctx, request }) => {
  const input = await parseBody(
    request,
    addWatchedBatchSchema,
    "Give a provider, a batch id and optionally a label.",
  );
  return jsonResponse({ item: await addWatchedBatch(ctx, input) }, 201);
});
