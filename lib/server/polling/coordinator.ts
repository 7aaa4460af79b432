import type { BatchSnapshot } from "@/lib/batch-snapshot";
import type { ErrorCode } from "@/lib/errors";
import type { PollKey } from "./types";

/** What the instance that polls a batch tells the others after each call. Times are epoch ms. */
export type SharedLatest = {
  snapshot: BatchSnapshot | null;
  fetchedAt: number | null;
  error: { code: ErrorCode; message: string; at: number } | null;
  /** When the holder calls next; null once final. */
  nextPollAt: number | null;
  final: boolean;
  tailCount: number | null;
  updatedAt: number;
};

export type ClaimRequest = {
  key: PollKey;
  /** pollKeyToString(key) */
  id: string;
  connectionId: string;
  now: number;
  intervalMs: number;
  /** Requests one poll costs, and how many the connection may make per rolling minute. */
  cost: number;
  perMinute: number;
  /** requestPoll asked for this call: take the batch over from its holder unless another instance just did. */
  requested?: boolean;
};

/** Why no instance may call a connection before `until`: a 429 or an open breaker somewhere. */
export type ConnectionHold = { until: number; error: { code: ErrorCode; message: string } };

/**
 * call: this instance makes the call now. follow: another instance holds the batch; serve what it
 * published and ask again later. budget: the connection's minute is spent (by all instances together).
 * held: an instance was told to wait (429) or gave up on the provider for a while (breaker).
 */
export type ClaimDecision =
  | { kind: "call" }
  | { kind: "follow"; latest: SharedLatest | null; leaseExpiresAt: number }
  | { kind: "budget"; availableAt: number }
  | ({ kind: "held" } & ConnectionHold);

/** Before a list or recipient call (runOnDemand): its cost and the connection's whole budget for a minute. */
export type OnDemandRequest = { connectionId: string; now: number; cost: number; perMinute: number };

export type OnDemandDecision = { kind: "call" } | { kind: "budget"; availableAt: number } | ({ kind: "held" } & ConnectionHold);

/**
 * Asked by the scheduler before every upstream call. One process on SQLite answers "call" at once,
 * synchronously; instances sharing PostgreSQL decide through the database (postgres-coordinator.ts).
 */
export type PollCoordinator = {
  claim(request: ClaimRequest): ClaimDecision | Promise<ClaimDecision>;
  /** Every outcome of a call this instance made, for the instances that follow it. Never rejects. */
  publish?(id: string, latest: SharedLatest, intervalMs: number): Promise<void>;
  /**
   * The latest outcome any instance published, read only: no lease, no budget. A final batch is
   * looked at this way now and then, since another instance may have polled it again (requestPoll).
   */
  peek?(id: string): Promise<SharedLatest | null>;
  /** Holds a connection back for every instance until `hold.until` (only ever later). Never rejects. */
  hold?(connectionId: string, hold: ConnectionHold): Promise<void>;
  /** Books an on-demand call in the budget every instance counts, or says when it would fit. */
  spendOnDemand?(request: OnDemandRequest): Promise<OnDemandDecision>;
};

const CALL: ClaimDecision = { kind: "call" };

/** A single instance: nothing to share, every due call is made. */
export const localCoordinator: PollCoordinator = { claim: () => CALL };
