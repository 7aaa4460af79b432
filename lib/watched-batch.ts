import { z } from "zod/mini";
import { batchInputSchema } from "./batch-input";
import { providerIdSchema } from "./providers/provider-id";

// One schema per entity, shared by the add form, the route handler and the client's response check.
export const watchedBatchSchema = z.object({
  id: z.string(),
  connectionId: z.string(),
  provider: providerIdSchema,
  batchId: z.string(),
  label: z.nullable(z.string()),
  addedBy: z.string(),
  addedAt: z.string(),
});
export type WatchedBatch = z.infer<typeof watchedBatchSchema>;

export const watchedListSchema = z.object({ items: z.array(watchedBatchSchema) });

export const addWatchedBatchSchema = batchInputSchema;
export type AddWatchedBatchInput = z.infer<typeof addWatchedBatchSchema>;
