import { mapProfiles } from "@/lib/providers/profiles";

/** Every timing the poll scheduler uses, in one place; the per-provider ones come from the profiles. */
export const POLL_CADENCE = {
  runningMs: 2_000,
  /** queued, scheduled, paused, unknown, and a batch we have no snapshot of yet. */
  waitingMs: 10_000,
  /** Polls after the first terminal snapshot, then the snapshot is final and never fetched again. */
  settling: mapProfiles((profile) => profile.settling),
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
 * through `budgetFor`; each profile says why its number is what it is.
 */
export const PROVIDER_POLL_BUDGETS = mapProfiles((profile) => profile.budget);
