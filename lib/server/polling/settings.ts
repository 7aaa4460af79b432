import { mapProfiles } from "@/lib/providers/profiles";

/** The longest wait between two tries at a failing provider (see recoveryMs). */
const RETRY_CAP_MS = 10_000;

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
  /**
   * However long an outage lasts, a provider that answers again is seen within this time (or the
   * batch's own interval, when longer), on every open page: no retry below waits longer than
   * RETRY_CAP_MS, which leaves time for the retry's answer, the batches that failed meanwhile
   * (retried at once once the connection answers) and the viewers' next poll.
   */
  recoveryMs: 15_000,
  /** One batch failing while its connection is healthy: exponential backoff with jitter. */
  batchBackoff: { initialMs: 2_000, maxMs: RETRY_CAP_MS },
  /**
   * The connection's circuit breaker: opens after this many consecutive 5xx/timeouts, then lets one
   * probe through after a jittered delay that doubles up to the cap: one call every 8–10 s while
   * the provider stays down, however many batches wait on it.
   */
  breaker: { consecutiveFailures: 5, halfOpenInitialMs: 5_000, halfOpenMaxMs: RETRY_CAP_MS },
  idleAfterMs: 60_000,
  /**
   * requestPoll: requested calls of one batch start at least this far apart, so a burst of
   * requests (a webhook storm, a double click) is one call at once and one after the gap.
   */
  requestGapMs: 1_000,
  /** Several instances: a final batch someone reads looks this often at whether another instance polled it again. */
  finalPeekMs: 2_000,
  /** A read that wakes a batch nobody watched waits this long at most for the fresh call. */
  wakeWaitMs: 2_000,
  evictAfterMs: 15 * 60_000,
  maxEntries: 5_000,
  /**
   * List and recipient calls (runOnDemand) share the connection's budget with status polls but
   * may use at most this share of any rolling minute, and never the next poll's slot: polls keep
   * the rest, so while they need no more than that they are never delayed.
   */
  onDemand: { maxShare: 0.3 },
  /**
   * While a connection's provider pushes events (a live Bolna hook, push-liveness.ts) every change
   * asks for its own poll, so (alone, see PollSchedulerOptions.isPushed) the cadence of its batches
   * that are not yet terminal is stretched by `stretch` (running: one poll in 10 s instead of 2 s,
   * to correct drift) and the budget saved, while viewers are told to ask every `viewerPaceMs`
   * (and followers look at the holder's result as often): reads are served from memory, so a
   * requested poll's numbers reach every open page within a second of arriving.
   */
  pushed: { stretch: 5, viewerPaceMs: 1_000 },
} as const;

/**
 * Default request budget per connection (calls per rolling minute), editable per connection
 * through `budgetFor`; each profile says why its number is what it is.
 */
export const PROVIDER_POLL_BUDGETS = mapProfiles((profile) => profile.budget);
