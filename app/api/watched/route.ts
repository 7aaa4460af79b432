import { AppError } from "@/lib/errors";
import { checkBatchId } from "@/lib/providers/batch-id";
import { addWatchedBatchSchema } from "@/lib/watched-batch";
import { getDb } from "@/lib/server/db/database";
import { jsonResponse, readJsonBody } from "@/lib/server/api/response";
import { withSession } from "@/lib/server/api/with-api";
import { resolveConnection } from "@/lib/server/connections";
import { addWatchedBatch, listWatchedBatches } from "@/lib/server/watched/watched-batches";

export const dynamic = "force-dynamic";

// GET /api/watched — the team's watched batches
export const GET = withSession(async ({ user }) => {
  const items = await listWatchedBatches(await getDb(), user.teamId);
  return jsonResponse({ items });
});

// POST /api/watched — add a batch {provider, batchId, label?, connectionId?}
export const POST = withSession(async ({ request, user }) => {
  const parsed = addWatchedBatchSchema.safeParse(await readJsonBody(request));
  if (!parsed.success) throw new AppError("bad_request", "Give a provider, a batch id and optionally a label.");
  const { provider, batchId, label, connectionId } = parsed.data;
  const checked = checkBatchId(provider, batchId);
  if (!checked.ok) throw new AppError("invalid_batch_id", checked.reason);
  // Stored with the connection it resolves to now, so the batch stays on that account.
  const connection = await resolveConnection(user.teamId, provider, connectionId);
  const item = await addWatchedBatch(await getDb(), {
    teamId: user.teamId,
    connectionId: connection.id,
    provider,
    batchId: checked.batchId,
    label: label ? label : null,
    addedBy: user.email,
  });
  return jsonResponse({ item }, 201);
});
