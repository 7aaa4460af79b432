import { z } from "zod/mini";
import { AppError } from "./errors";
import { checkBatchId } from "./providers/batch-id";
import { isProviderId, type ProviderId } from "./providers/provider-id";

/** One batch at one provider, checked against the provider's batch id rule. */
export type BatchRef = { provider: ProviderId; batchId: string };

/** Checks what a viewer asked for; throws the 400s before anything else happens. */
export function parseBatchRequest(request: { provider: string; batchId: string }): BatchRef {
  if (!isProviderId(request.provider)) throw new AppError("invalid_provider", "Unknown provider.");
  const checked = checkBatchId(request.provider, request.batchId);
  if (!checked.ok) throw new AppError("invalid_batch_id", checked.reason);
  return { provider: request.provider, batchId: checked.batchId };
}

/** The query of the batch API's routes: the connection to read through and, for a share link's viewer, its token. */
export const batchQuerySchema = z.object({
  connection: z.optional(z.string()),
  share: z.optional(z.string()),
});
