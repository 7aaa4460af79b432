import { emptyResponse, parseUuid, withSession } from "@/lib/server/api";
import { removeWatchedBatch } from "@/lib/server/watched";

export const dynamic = "force-dynamic";

// DELETE /api/watched/{id} — stop watching a batch
export const DELETE = withSession<{ id: string }>(async ({ ctx, params }) => {
  await removeWatchedBatch(ctx, { id: parseUuid(params.id, "watched batch") });
  return emptyResponse();
});
