import type { BatchSnapshot, Outcome } from "./batch-snapshot";

/** Items in buckets of one outcome: failures, unreached calls. */
export function countOf(snapshot: Pick<BatchSnapshot, "counts">, outcome: Outcome): number {
  return snapshot.counts.reduce(
    (sum, count) => (count.outcome === outcome ? sum + count.count : sum),
    0,
  );
}

/** Whether any bucket has this outcome, at zero or not: counters once shown stay shown. */
export function hasOutcome(snapshot: Pick<BatchSnapshot, "counts">, outcome: Outcome): boolean {
  return snapshot.counts.some((count) => count.outcome === outcome);
}

/**
 * A batch whose provider reports neither a total nor per-status counts (SendGrid until its
 * webhooks exist): it has a state and maybe a send time, and zeros would only pretend.
 */
export function isCountless(snapshot: Pick<BatchSnapshot, "counts" | "total">): boolean {
  return snapshot.counts.length === 0 && snapshot.total === null;
}
