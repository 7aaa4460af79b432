import { z } from "zod/mini";
import { batchStateSchema } from "./batch-snapshot";
import { providerIdSchema } from "./providers/provider-id";

// One line of a recent-sends list: enough to pick a send and watch it. The state comes from the
// same mapping as the batch page, so a send reads the same in the list and once watched.
export const sendSummarySchema = z.object({
  provider: providerIdSchema,
  batchId: z.string(),
  /** What the provider calls it: Mindo's template, Bolna's CSV file name; null when it has none. */
  name: z.nullable(z.string()),
  state: batchStateSchema,
  providerStatus: z.nullable(z.string()),
  total: z.nullable(z.number()),
  processed: z.number(),
  createdAt: z.nullable(z.string()),
  scheduledAt: z.nullable(z.string()),
});
export type SendSummary = z.infer<typeof sendSummarySchema>;
