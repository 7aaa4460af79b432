import "server-only";

/**
 * Server-side poll scheduler: the one place that calls providers for batch progress.
 *
 *   const scheduler = createPollScheduler({ fetchBatch, budgetFor?, onSnapshot? });
 *   const entry = await scheduler.read({ connectionId, provider, batchId });
 *
 * `read` never calls upstream itself: it marks the batch as watched and returns the latest
 * PollEntry (snapshot, error, fetchedAt, nextPollAt, final, intervalMs, budget). Only a batch
 * with nothing to show yet waits, sharing the first call with every other reader; if that
 * call fails, or its connection is rate limited or its breaker open, `read` rejects with the
 * AppError. Later failures keep the last good snapshot, served with `stale: true` and `error`.
 * Batches unread for `idleAfterMs` stop being polled and are evicted after `evictAfterMs`.
 * Budgets never go below one poll a minute (`callsPerPoll`), whatever `budgetFor` says.
 * Several instances on one PostgreSQL pass `coordinator: createPostgresCoordinator(...)`: each
 * batch is then polled by the one instance holding its lease, the others serve what it published,
 * and budgets count every instance's calls. Without it (SQLite, one process) nothing is shared.
 * Clock: Date.now() and global (unref'd) timers, as cockatiel's breaker uses; vitest fake
 * timers drive it. `stop()` aborts calls in flight, clears the timers and rejects waiting readers.
 */
export { createPollScheduler } from "./scheduler";
export { localCoordinator, type PollCoordinator } from "./coordinator";
export { createPostgresCoordinator } from "./postgres-coordinator";
export { forgetPushLiveness, isPushLive, notePushedEvent, PUSH_LIVE_MS } from "./push-liveness";
export { POLL_CADENCE, PROVIDER_POLL_BUDGETS } from "./settings";
export { pollKeyToString } from "./types";
export type { FetchBatch, PollEntry, PollKey, PollScheduler, PollSchedulerOptions } from "./types";
