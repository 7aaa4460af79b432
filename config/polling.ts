// How often the views ask the API for fresh numbers. One place, so the wall screens, the API's
// cache and the provider rate limits can be tuned together.

/** A batch that is sending changes every second: poll fast. */
export const RUNNING_POLL_MS = 2_000;

/** Queued, scheduled, paused or unknown: little changes, poll slowly. */
export const WAITING_POLL_MS = 10_000;

/** After a failed request: keep trying at this pace so the view recovers by itself. */
export const ERROR_RETRY_MS = 5_000;

/**
 * While the server serves cached numbers (the provider failed), ask at least this often, so a
 * provider's recovery shows within seconds whatever the batch's pace; such reads cost the server
 * nothing upstream.
 */
export const STALE_RETRY_MS = 2_000;

/** Data is stale once this many polls in a row have brought nothing new. */
export const STALE_AFTER_MISSED_POLLS = 3;

/** The progress chart's history: every few polls is plenty, never faster than the server's pace. */
export const HISTORY_POLL_MS = 12_000;

/** The shared watched list changes rarely, but other people add batches to it. */
export const WATCHED_LIST_POLL_MS = 30_000;

/** Give up on one request after this long; the API itself answers within about 10 s. */
export const REQUEST_TIMEOUT_MS = 20_000;

/** How often "updated N s ago" and the stale check re-evaluate. */
export const CLOCK_TICK_MS = 1_000;

/** A Bolna connection's settings re-read "last event" this often: enough to watch the first one arrive. */
export const BOLNA_HOOK_STATUS_POLL_MS = 10_000;
