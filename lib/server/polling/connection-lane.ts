import type { AppError } from "@/lib/errors";
import type { ProviderId } from "@/lib/providers/provider-id";
import { createConnectionBreaker } from "./breaker";
import { createRollingWindow } from "./rolling-window";
import { PROVIDER_POLL_BUDGETS } from "./settings";

/**
 * Everything shared by the batches polled through one connection at one provider (one key): its
 * budget window, breaker, holds and timer. Called a lane so "connection" names only the team's
 * provider account (lib/connection.ts), whose id the lane carries.
 */
export type ConnectionLane = {
  connectionId: string;
  provider: ProviderId;
  callsPerPoll: number;
  window: ReturnType<typeof createRollingWindow>;
  /** The on-demand (list, recipient) calls among `window`'s, held to their share of the minute. */
  onDemand: ReturnType<typeof createRollingWindow>;
  /** Until then polls leave the on-demand share free: a list or recipient call was asked for in the last minute. */
  onDemandWantedUntil: number;
  breaker: ReturnType<typeof createConnectionBreaker>;
  /** No call before this: the budget all instances share is spent until then (PostgreSQL). */
  sharedBudgetUntil: number;
  /** No call before this: a 429's Retry-After / X-RateLimit-Reset, or another instance's hold (its 429 or open breaker). */
  retryAfterUntil: number;
  /** The failure that closed the lane (breaker or 429), for readers with nothing to show. */
  lastBlockingError: AppError | null;
  keys: Set<string>;
  timer: ReturnType<typeof setTimeout> | null;
  timerAt: number;
};

export function createConnectionLane(connectionId: string, provider: ProviderId): ConnectionLane {
  return {
    connectionId,
    provider,
    callsPerPoll: PROVIDER_POLL_BUDGETS[provider].callsPerPoll,
    window: createRollingWindow(),
    onDemand: createRollingWindow(),
    onDemandWantedUntil: 0,
    breaker: createConnectionBreaker(),
    sharedBudgetUntil: 0,
    retryAfterUntil: 0,
    lastBlockingError: null,
    keys: new Set(),
    timer: null,
    timerAt: Number.POSITIVE_INFINITY,
  };
}

/** Earliest time the lane's request budget allows `callsPerPoll` more requests. */
export function budgetOpensAt(lane: ConnectionLane, now: number, perMinute: number): number {
  return Math.max(lane.window.availableAt(now, lane.callsPerPoll, perMinute), lane.sharedBudgetUntil);
}

/** Earliest time the lane accepts a call regardless of budget: Retry-After and the breaker. */
export function laneOpensAt(lane: ConnectionLane, now: number): number {
  return Math.max(now, lane.retryAfterUntil, lane.breaker.blockedUntil(now));
}
