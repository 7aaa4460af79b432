import { z } from "zod/mini";
import { providerIdSchema } from "./providers/provider-id";

// The normalised batch every adapter produces and every view draws. zod/mini keeps this schema
// cheap enough to validate API responses in the browser with the same code the server uses.
export const BATCH_STATES = [
  "scheduled",
  "queued",
  "running",
  "paused",
  "completed",
  "partial",
  "failed",
  "cancelled",
  "unknown",
] as const;
export const batchStateSchema = z.enum(BATCH_STATES);
export type BatchState = z.infer<typeof batchStateSchema>;

// unreached: the item ended without anything breaking, and without arriving (a call nobody
// answered). Red stays for failure.
export const OUTCOMES = ["pending", "active", "success", "unreached", "failure"] as const;
export const outcomeSchema = z.enum(OUTCOMES);
export type Outcome = z.infer<typeof outcomeSchema>;

export const batchCountSchema = z.object({
  status: z.string(),
  label: z.string(),
  count: z.number(),
  outcome: outcomeSchema,
});
export type BatchCount = z.infer<typeof batchCountSchema>;

const isoOrNull = z.nullable(z.string());
const detailValue = z.union([z.string(), z.number(), z.boolean(), z.null(), z.array(z.string())]);

export const batchSnapshotSchema = z.object({
  provider: providerIdSchema,
  batchId: z.string(),
  /** What the provider calls the batch (a subject, a template, a file name); null when it names none. Defaulted so snapshots stored before it existed still read. */
  name: z._default(z.nullable(z.string()), null),
  state: batchStateSchema,
  providerStatus: z.nullable(z.string()),
  total: z.nullable(z.number()),
  processed: z.number(),
  progress: z.nullable(z.number()),
  counts: z.array(batchCountSchema),
  funnel: z.nullable(z.array(z.object({ status: z.string(), label: z.string(), count: z.number() }))),
  etaSeconds: z.nullable(z.number()),
  createdAt: isoOrNull,
  startedAt: isoOrNull,
  completedAt: isoOrNull,
  scheduledAt: isoOrNull,
  updatedAt: isoOrNull,
  fetchedAt: z.string(),
  stale: z.boolean(),
  notes: z.array(z.string()),
  details: z.record(z.string(), detailValue),
  /** The provider's own words for why the batch failed or partly failed; null when it gives none. */
  reason: z._default(z.nullable(z.string()), null),
});
export type BatchSnapshot = z.infer<typeof batchSnapshotSchema>;
export type BatchDetails = BatchSnapshot["details"];

const TERMINAL_STATES: ReadonlySet<BatchState> = new Set(["completed", "partial", "failed", "cancelled"]);

export function isTerminalState(state: BatchState): boolean {
  return TERMINAL_STATES.has(state);
}

/** The item's story is over, whichever way it ended. */
export function isFinalOutcome(outcome: Outcome): boolean {
  return outcome === "success" || outcome === "unreached" || outcome === "failure";
}
