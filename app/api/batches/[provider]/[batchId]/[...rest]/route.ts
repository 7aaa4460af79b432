import { AppError } from "@/lib/errors";
import { withSession } from "@/lib/server/api";

export const dynamic = "force-dynamic";

// GET /api/batches/{provider}/{a}/{b}… — a batch id never contains "/", so say so instead of a bare 404.
export const GET = withSession(async () => {
  throw new AppError("invalid_batch_id", "A batch id cannot contain “/”.");
});
