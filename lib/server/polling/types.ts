import type { BatchSnapshot } from "@/lib/batch-snapshot";
import type { AppError, ErrorCode } from "@/lib/errors";
import type { ProviderId } from "@/lib/providers/provider-id";
import type { PollCoordinator } from "./coordinator";

export type PollKey = { connectionId: string; provider: ProviderId; batchId: string };

export function pollKeyToString(key: PollKey): string {
  return `${key.connectionId}:${key.provider}:${key.batchId}`;
}

/** What every viewer of one batch gets. Times are epoch milliseconds. */
export type PollEntry = {
  /** The last good snapshot; `stale: true` when the latest call failed. */
  snapshot: BatchSnapshot | null;
  /** The latest call's failure; null once a call succeeds again. */
  error: { code: ErrorCode; message: string; at: number } | null;
  /** When `snapshot` was received. */
  fetchedAt: number | null;
  /** When the next snapshot is expected; null when no more calls will be made (final). */
  nextPollAt: number | null;
  /** The settling tail is over: this snapshot is served as is, with no further calls. */
  final: boolean;
  /** The cadence this batch gets, stretched when the connection's budget is shared. */
  intervalMs: number;
  /** `limited`: the budget, not the batch's state, sets `intervalMs`. */
  budget: { perMinute: number; limited: boolean };
};

export type FetchBatch = (key: PollKey, signal: AbortSignal) => Promise<BatchSnapshot>;

export type PollSchedulerOptions = {
  /** The only upstream call. Throws AppError; bounds its own time. */
  fetchBatch: FetchBatch;
  /** Calls per rolling minute allowed on a connection; defaults to PROVIDER_POLL_BUDGETS. Read on every decision, so edits apply at once. */
  budgetFor?: (connectionId: string, provider: ProviderId) => number;
  /**
   * The connection's provider pushes its changes (a live webhook), each asking for its own poll
   * (requestPoll). Read on every pump. Alone, the scheduler then stretches its own polls of the
   * connection's unfinished batches (POLL_CADENCE.pushed.stretch). With other instances (a
   * coordinator that publishes) it does not: an instance whose lease a request took over would
   * learn of it only at its next, stretched, claim; instead a follower looks at what the holder
   * published at the viewers' pace, so a pushed poll reaches every instance's viewers as fast.
   */
  isPushed?: (connectionId: string, provider: ProviderId) => boolean;
  /** Who makes each call when several instances share the work; default: this process alone. */
  coordinator?: PollCoordinator;
  /** Called with every successful snapshot (history storage). Errors thrown here are ignored. */
  onSnapshot?: (key: PollKey, snapshot: BatchSnapshot) => void;
  /** Called with every failed call this instance made (alerts: a batch going stale). Errors thrown here are ignored. */
  onFailure?: (key: PollKey, error: AppError) => void;
  /** Called once with every fresh snapshot adopted from the instance that polls the batch (not stored again). */
  onFollowedSnapshot?: (key: PollKey, snapshot: BatchSnapshot) => void;
  /** How long a read waits for a batch's first call before answering snapshot_pending; default: until it settles. */
  firstSnapshotWaitMs?: number;
  idleAfterMs?: number;
  evictAfterMs?: number;
  maxEntries?: number;
};

/** The lane an on-demand call spends: a connection at its provider. */
export type LaneTarget = Pick<PollKey, "connectionId" | "provider">;

export type PollScheduler = {
  read(key: PollKey): Promise<PollEntry>;
  /**
   * Poll this batch as soon as the budget allows, outside its cadence, even when it is final or
   * nobody reads it. Requests coalesce into the next call that starts after them (calls it asks
   * for start at least POLL_CADENCE.requestGapMs apart). Resolves, never rejects, once that call
   * has been recorded (or another instance's, fetched after the request, adopted); callers bound
   * their wait. With several instances the one making the call takes the batch's lease.
   */
  requestPoll(key: PollKey): Promise<void>;
  /**
   * Runs `run` (a list or recipient call costing `calls` requests) on the lane's budget, within the
   * on-demand share (on-demand-budget.ts), or throws provider_busy at once with the wait.
   */
  runOnDemand<T>(target: LaneTarget, calls: number, run: () => Promise<T>): Promise<T>;
  /** Whether this batch is held in memory (someone read it, or asked for a poll, recently). */
  holds(key: PollKey): boolean;
  /** Entries held in memory (polled or not). */
  size(): number;
  stop(): void;
};
