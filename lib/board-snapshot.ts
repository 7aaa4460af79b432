import { z } from "zod/mini";
import { firingAlertSchema } from "./alerts";
import { batchViewSchema } from "./batch-view";
import type { BoardSummaryCounts } from "./board-summary";
import { sharedBatchSchema, sharedViewSchema } from "./share-link";

// What GET /api/boards/{id}/snapshot answers: everything a board or wall shows, in one body, so a
// screen makes one request per poll however many batches it shows.

/** The query of the snapshot route: a share link's viewer names its token instead of a session. */
export const boardSnapshotQuerySchema = z.object({ share: z.optional(z.string()) });

export const boardSummaryCountsSchema = z.object({
  running: z.number(),
  waiting: z.number(),
  done: z.number(),
  failed: z.number(),
  unknown: z.number(),
  items: z.array(z.object({ noun: z.string(), processed: z.number(), failed: z.number(), unreached: z.number() })),
  progress: z.nullable(z.number()),
}) satisfies z.ZodMiniType<BoardSummaryCounts>;

/**
 * One batch of the board: `view` is exactly what the batch endpoint answers for it, `error` what
 * it would answer instead; neither while its first answer is still on its way.
 */
export const boardSnapshotBatchSchema = z.extend(sharedBatchSchema, {
  view: z.optional(batchViewSchema),
  error: z.optional(z.object({ code: z.string(), message: z.string() })),
  /** Alerts firing on this batch; absent when none. */
  alerts: z.optional(z.array(firingAlertSchema)),
});
export type BoardSnapshotBatch = z.infer<typeof boardSnapshotBatchSchema>;

export const boardSnapshotSchema = z.extend(sharedViewSchema, {
  batches: z.array(boardSnapshotBatchSchema),
  summary: boardSummaryCountsSchema,
  /** The soonest of the batches' announced paces; null once every batch is final. */
  pace: z.object({ intervalMs: z.nullable(z.number()), nextUpdateAt: z.nullable(z.string()) }),
});
export type BoardSnapshot = z.infer<typeof boardSnapshotSchema>;
