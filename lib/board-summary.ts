import type { BatchSnapshot, BatchState } from "./batch-snapshot";

export type BoardSummaryCounts = {
  running: number;
  waiting: number;
  done: number;
  failed: number;
  /** Batches with no answer yet, or an error instead of one. */
  unknown: number;
  processed: number;
  failures: number;
  /** Processed over total for the batches that report a total; null when none does. */
  progress: number | null;
};

export type BatchBucket = "running" | "waiting" | "done" | "failed";

const BUCKETS = {
  running: "running",
  scheduled: "waiting",
  queued: "waiting",
  paused: "waiting",
  unknown: "waiting",
  completed: "done",
  partial: "done",
  cancelled: "done",
  failed: "failed",
} as const satisfies Record<BatchState, BatchBucket>;

/** Where a batch in this state is counted on a board: running, waiting, done or failed. */
export function batchBucket(state: BatchState): BatchBucket {
  return BUCKETS[state];
}

export function failuresOf(snapshot: BatchSnapshot): number {
  return snapshot.counts.reduce(
    (sum, count) => (count.outcome === "failure" ? sum + count.count : sum),
    0,
  );
}

/** The strip above a board: how many batches are where, and the messages across all of them. */
export function summarizeBoard(
  snapshots: ReadonlyArray<BatchSnapshot | undefined>,
): BoardSummaryCounts {
  const summary: BoardSummaryCounts = {
    running: 0,
    waiting: 0,
    done: 0,
    failed: 0,
    unknown: 0,
    processed: 0,
    failures: 0,
    progress: null,
  };
  let knownProcessed = 0;
  let knownTotal = 0;
  for (const snapshot of snapshots) {
    if (!snapshot) {
      summary.unknown += 1;
      continue;
    }
    summary[BUCKETS[snapshot.state]] += 1;
    summary.processed += snapshot.processed;
    summary.failures += failuresOf(snapshot);
    if (snapshot.total !== null && snapshot.total > 0) {
      knownProcessed += Math.min(snapshot.processed, snapshot.total);
      knownTotal += snapshot.total;
    }
  }
  summary.progress = knownTotal > 0 ? knownProcessed / knownTotal : null;
  return summary;
}
