import type { ProviderId } from "@/lib/providers/provider-id";

/**
 * Every timing the poll scheduler uses, in one place. Settling tails: Mindo's delivered/read
 * counts and Bolna's call-disconnected → completed keep moving for minutes after a terminal
 * state, so they get a long low-rate tail; Migma and SendGrid a short one.
 */
export const POLL_CADENCE = {
  runningMs: 2_000,
  /** queued, scheduled, paused, unknown, and a batch we have no snapshot of yet. */
  waitingMs: 10_000,
  /** Polls after the first terminal snapshot, then the snapshot is final and never fetched again. */
  settling: {
    migma: { everyMs: 30_000, polls: 2 },
    mindo: { everyMs: 30_000, polls: 20 },
    bolna: { everyMs: 20_000, polls: 15 },
    sendgrid: { everyMs: 30_000, polls: 2 },
  } satisfies Record<ProviderId, { everyMs: number; polls: number }>,
  /** not_found, auth and other errors a retry soon will not fix. */
  permanentErrorMs: 60_000,
  /** A 429 that did not say how long to wait. */
  rateLimitFallbackMs: 30_000,
  /** The database the instances coordinate through is down: no calls, and a look again this often. */
  coordinationRetryMs: 5_000,
  /** One batch failing while its connection is healthy: exponential backoff with jitter. */
  batchBackoff: { initialMs: 2_000, maxMs: 120_000 },
  /** The connection's circuit breaker: opens after this many consecutive 5xx/timeouts. */
  breaker: { consecutiveFailures: 5, halfOpenInitialMs: 5_000, halfOpenMaxMs: 300_000 },
  idleAfterMs: 60_000,
  evictAfterMs: 15 * 60_000,
  maxEntries: 5_000,
} as const;

/**
 * Default request budget per connection (calls per rolling minute), editable per connection
 * through `budgetFor`. Migma: its free plan's 10/min. Mindo: undocumented, so polite. Bolna
 * allows 1,000/min per organisation, shared with everything else the org does. A SendGrid
 * poll costs two requests.
 */
export const PROVIDER_POLL_BUDGETS = {
  migma: { perMinute: 10, callsPerPoll: 1 },
  mindo: { perMinute: 60, callsPerPoll: 1 },
  bolna: { perMinute: 300, callsPerPoll: 1 },
  sendgrid: { perMinute: 300, callsPerPoll: 2 },
} as const satisfies Record<ProviderId, { perMinute: number; callsPerPoll: number }>;
