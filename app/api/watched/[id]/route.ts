import { z } from "zod";
import { AppError } from "@/lib/errors";
import { getDb } from "@/lib/server/db/database";
import { emptyResponse } from "@/lib/server/api/response";
import { withSession } from "@/lib/server/api/with-api";
import { removeWatchedBatch } from "@/lib/server/watched/watched-batches";

export const dynamic = "force-dynamic";

const idSchema = z.uuid();

// DELETE /api/watched/{id} — stop watching a batch
export const DELETE = withSession<{ id: string }>(async ({ params, user }) => {
  const id = idSchema.safeParse(params.id);
  if (!id.success) throw new AppError("bad_request", "Not a watched-batch id.");
  await removeWatchedBatch(await getDb(), user.teamId, id.data);
  return emptyResponse();
});
