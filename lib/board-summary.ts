import { countOf, isCountless } from "./batch-counts";
import type { BatchSnapshot, BatchState } from "./batch-snapshot";
import { profileOf } from "./providers/profiles";

/** Items of one kind across a board: emails, messages and calls are never added together. */
export type ItemTally = {
  /** "emails", "messages", "calls": what the provider's batches are made of. */
  noun: string;
  processed: number;
  failed: number;
  /** Calls that did not connect (busy, no answer): amber, never counted as failed. */
  unreached: number;
};

export type BoardSummaryCounts = {
  /** Batches by where they are. */
  running: number;
  waiting: number;
  done: number;
  failed: number;
  /** Batches with no answer yet, or an error instead of one. */
  unknown: number;
  /** Items per kind, in the order the board first shows each kind; batches without counts add nothing. */
  items: ItemTally[];
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

/** The strip above a board: how many batches are where, and the items of each kind across them. */
export function summarizeBoard(
  snapshots: ReadonlyArray<BatchSnapshot | undefined>,
): BoardSummaryCounts {
  const summary: BoardSummaryCounts = {
    running: 0,
    waiting: 0,
    done: 0,
    failed: 0,
    unknown: 0,
    items: [],
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
    if (!isCountless(snapshot)) addItems(summary.items, snapshot);
    if (snapshot.total !== null && snapshot.total > 0) {
      knownProcessed += Math.min(snapshot.processed, snapshot.total);
      knownTotal += snapshot.total;
    }
  }
  summary.progress = knownTotal > 0 ? knownProcessed / knownTotal : null;
  return summary;
}

function addItems(items: ItemTally[], snapshot: BatchSnapshot) {
  const noun = profileOf(snapshot.provider).reports.items.many;
  let tally = items.find((item) => item.noun === noun);
  if (!tally) {
    tally = { noun, processed: 0, failed: 0, unreached: 0 };
    items.push(tally);
  }
  tally.processed += snapshot.processed;
  tally.failed += countOf(snapshot, "failure");
  tally.unreached += countOf(snapshot, "unreached");
}
