import { z } from "zod/mini";
import { batchStateSchema } from "./batch-snapshot";

// What GET /api/batches/{provider}/{batchId}/history answers: stored progress for the chart.

/** The server thins a longer history evenly to this many points, first and last kept. */
export const HISTORY_MAX_POINTS = 500;

export const historyPointSchema = z.object({
  at: z.string(),
  processed: z.number(),
  total: z.nullable(z.number()),
  state: batchStateSchema,
  progress: z.nullable(z.number()),
});
export type HistoryPoint = z.infer<typeof historyPointSchema>;

export const batchHistorySchema = z.object({
  points: z.array(historyPointSchema).check(z.maxLength(HISTORY_MAX_POINTS)),
});
export type BatchHistory = z.infer<typeof batchHistorySchema>;
