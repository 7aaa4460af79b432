import type { BatchSnapshot } from "@/lib/batch-snapshot";
import { AppError } from "@/lib/errors";
import { isSettled, nextTailCount } from "./cadence";
import type { ConnectionLane } from "./connection-lane";
import type { ConnectionHold } from "./coordinator";
import type { BatchEntry } from "./entry";
import { classifyPollError } from "./error-kind";
import { keepVanishedCounts } from "./keep-vanished-counts";
import { POLL_CADENCE } from "./settings";

export function recordSuccess(entry: BatchEntry, snapshot: BatchSnapshot, now: number) {
  entry.snapshot = keepVanishedCounts(entry.snapshot, snapshot);
  entry.fetchedAt = now;
  entry.failure = null;
  entry.holdUntil = 0;
  entry.backoff.reset();
  advanceTail(entry, snapshot);
  entry.final = isSettled(entry.key.provider, entry.tailCount, snapshot);
}

/** Keeps the last good snapshot; decides who waits: the lane (429, breaker) or this batch. */
export function recordFailure(lane: ConnectionLane, entry: BatchEntry, error: AppError, now: number) {
  entry.failure = { error, at: now };
  // The tail counts failed polls too, but only a success ends it: a final snapshot never carries
  // an old error, and the first answer after an outage makes a settled batch final.
  advanceTail(entry, entry.snapshot);
  entry.final = false;
  const kind = classifyPollError(error);
  if (kind === "rate_limited") holdForRateLimit(lane, error, now);
  else if (kind === "permanent") {
    entry.holdUntil = now + Math.max(POLL_CADENCE.permanentErrorMs, entry.backoff.nextDelayMs());
  } else if (lane.breaker.isOpen()) {
    // The lane is down, not this batch: the breaker's delays pace the retries.
    entry.backoff.reset();
    entry.holdUntil = 0;
    lane.lastBlockingError = error;
  } else {
    entry.holdUntil = now + entry.backoff.nextDelayMs();
  }
}

/** A 429 (a poll's or an on-demand call's): the whole lane waits out its Retry-After. */
export function holdForRateLimit(lane: ConnectionLane, error: AppError, now: number) {
  const waitMs = error.retryAfterSeconds === null ? POLL_CADENCE.rateLimitFallbackMs : error.retryAfterSeconds * 1_000;
  lane.retryAfterUntil = Math.max(lane.retryAfterUntil, now + waitMs);
  lane.lastBlockingError = error;
}

/**
 * Another instance heard a 429 or opened its breaker on this lane: no call from here either
 * until the hold ends. A batch with nothing to show yet shows why.
 */
export function recordHold(lane: ConnectionLane, entry: BatchEntry, hold: ConnectionHold, now: number) {
  const error = new AppError(hold.error.code, hold.error.message);
  lane.retryAfterUntil = Math.max(lane.retryAfterUntil, hold.until);
  lane.lastBlockingError = error;
  if (!entry.snapshot) entry.failure = { error, at: now };
}

/**
 * The instances could not agree who calls (the database is down): no call, so no budget is
 * broken, and a short fixed retry, so polling resumes within seconds of the database's return.
 */
export function recordCoordinationFailure(entry: BatchEntry, error: AppError, now: number) {
  entry.failure = { error, at: now };
  entry.follow = null;
  entry.holdUntil = now + POLL_CADENCE.coordinationRetryMs;
}

function advanceTail(entry: BatchEntry, snapshot: BatchSnapshot | null) {
  entry.tailCount = nextTailCount(entry.tailCount, snapshot?.state ?? null);
}
