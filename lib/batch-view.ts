import { z } from "zod/mini";
import { batchSnapshotSchema } from "./batch-snapshot";

// What GET /api/batches/... answers: the normalised snapshot plus how Sendboard is polling it,
// so browsers poll our server in step with the scheduler and can say why numbers are old.
export const pollingInfoSchema = z.object({
  connectionId: z.string(),
  /** When the next snapshot is expected (ISO); null once the batch is final. */
  nextUpdateAt: z.nullable(z.string()),
  intervalMs: z.number(),
  /**
   * How often viewers should ask, when sooner than `intervalMs`: the provider pushes its changes
   * (a live webhook) and each is polled at once, so numbers may arrive between the cadence's polls.
   */
  viewerPaceMs: z.optional(z.number()),
  budgetPerMinute: z.number(),
  /** The provider's request budget, not the batch's state, sets the interval. */
  limitedByBudget: z.boolean(),
  /** The settling tail is over: these numbers will not change any more. */
  final: z.boolean(),
  /** The latest upstream call failed; the numbers are the last good ones. */
  lastError: z.nullable(z.object({ code: z.string(), message: z.string(), at: z.string() })),
});
export type PollingInfo = z.infer<typeof pollingInfoSchema>;

// Derived from the stored history of snapshots (lib/server/history).
export const batchInsightsSchema = z.object({
  /**
   * Items processed per minute: over the last few minutes, and on average since the provider says
   * sending began or, when it does not say, since Sendboard began watching (`averageSince`).
   */
  throughputPerMinute: z.object({
    recent: z.nullable(z.number()),
    average: z.nullable(z.number()),
    averageSince: z.enum(["sending-began", "watching-began"]),
  }),
  /** Seconds left as a range from measured throughput; null when it cannot be estimated. */
  etaRange: z.nullable(z.object({ lowSeconds: z.number(), highSeconds: z.number() })),
  /** Counters have not moved for several fresh polls while items are still pending. */
  stalled: z.boolean(),
  /** Everything is processed but late counters (delivered, read, call outcomes) may still change. */
  provisional: z.boolean(),
  /** Stored snapshots for this batch (the progress-over-time chart reads them separately). */
  historyPoints: z.number(),
});
export type BatchInsights = z.infer<typeof batchInsightsSchema>;

export const batchViewSchema = z.extend(batchSnapshotSchema, {
  polling: z.optional(pollingInfoSchema),
  insights: z.optional(batchInsightsSchema),
});
export type BatchView = z.infer<typeof batchViewSchema>;
