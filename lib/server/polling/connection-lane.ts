import type { AppError } from "@/lib/errors";
import type { ProviderId } from "@/lib/providers/provider-id";
import { createConnectionBreaker } from "./breaker";
import { createRollingWindow } from "./rolling-window";
import { PROVIDER_POLL_BUDGETS } from "./settings";

/** Everything shared by the batches polled through one connection (one key at one provider). */
export type Connection = {
  id: string;
  provider: ProviderId;
  callsPerPoll: number;
  window: ReturnType<typeof createRollingWindow>;
  breaker: ReturnType<typeof createConnectionBreaker>;
  /** No call before this: the budget all instances share is spent until then (PostgreSQL). */
  sharedBudgetUntil: number;
  /** No call before this: a 429's Retry-After / X-RateLimit-Reset, or another instance's hold (its 429 or open breaker). */
  retryAfterUntil: number;
  /** The failure that closed the connection (breaker or 429), for readers with nothing to show. */
  lastBlockingError: AppError | null;
  keys: Set<string>;
  timer: ReturnType<typeof setTimeout> | null;
  timerAt: number;
};

export function createConnection(id: string, provider: ProviderId): Connection {
  return {
    id,
    provider,
    callsPerPoll: PROVIDER_POLL_BUDGETS[provider].callsPerPoll,
    window: createRollingWindow(),
    breaker: createConnectionBreaker(),
    sharedBudgetUntil: 0,
    retryAfterUntil: 0,
    lastBlockingError: null,
    keys: new Set(),
    timer: null,
    timerAt: Number.POSITIVE_INFINITY,
  };
}

/** Earliest time the connection accepts a call regardless of budget: Retry-After and the breaker. */
/** Earliest time the connection's request budget allows `callsPerPoll` more requests. */
export function budgetOpensAt(connection: Connection, now: number, perMinute: number): number {
  return Math.max(connection.window.availableAt(now, connection.callsPerPoll, perMinute), connection.sharedBudgetUntil);
}

export function connectionOpensAt(connection: Connection, now: number): number {
  return Math.max(now, connection.retryAfterUntil, connection.breaker.blockedUntil(now));
}
