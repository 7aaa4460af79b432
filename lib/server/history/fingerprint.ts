import "server-only";
import { createHash } from "node:crypto";
import type { BatchSnapshot } from "@/lib/batch-snapshot";

// Hashes keep the per-batch memory of what was last stored small however many statuses a batch has.
function digest(value: unknown): string {
  return createHash("sha1").update(JSON.stringify(value)).digest("base64url");
}

/** Everything that makes a snapshot worth storing; not when it was fetched, nor notes or details. */
export function snapshotFingerprint(snapshot: BatchSnapshot): string {
  const { state, providerStatus, total, processed, counts, funnel, etaSeconds } = snapshot;
  return digest([
    state,
    providerStatus,
    total,
    processed,
    counts.map((count) => [count.status, count.count, count.outcome]),
    funnel?.map((step) => [step.status, step.count]) ?? null,
    etaSeconds,
  ]);
}

/** The counters alone: a batch whose counters keep this value is not progressing. */
export function countersFingerprint(snapshot: Pick<BatchSnapshot, "processed" | "counts">): string {
  return digest([snapshot.processed, snapshot.counts.map((count) => [count.status, count.count])]);
}
