import { AppError } from "@/lib/errors";
import type { SharedLatest } from "./coordinator";
import type { BatchEntry } from "./entry";

/** How a follower paces its look at what the lease holder published. */
export const FOLLOW = {
  /** After the holder's next call is due, time for its answer to land in the database. */
  settleMs: 300,
  /** Nothing new yet (the holder's call is out, or the holder is gone): look again this soon. */
  retryMs: 500,
  minGapMs: 100,
} as const;

/**
 * When a follower asks again: just after the holder's next snapshot should be in, or soon when
 * it is overdue, and no later than the lease's expiry, so a dead holder is replaced at once.
 */
export function followRecheckAt(latest: SharedLatest | null, leaseExpiresAt: number, now: number): number {
  const expected = latest?.nextPollAt ?? null;
  const wanted = expected !== null && expected + FOLLOW.settleMs > now ? expected + FOLLOW.settleMs : now + FOLLOW.retryMs;
  return Math.max(now + FOLLOW.minGapMs, Math.min(wanted, leaseExpiresAt));
}

/**
 * Another instance holds the batch: serve its latest outcome as if this instance had fetched it.
 * True when that brought a fresh snapshot this instance had not adopted before.
 */
export function adoptShared(entry: BatchEntry, latest: SharedLatest | null, leaseExpiresAt: number, now: number): boolean {
  let fresh = false;
  if (latest) {
    if (latest.snapshot) {
      fresh = latest.error === null && latest.fetchedAt !== entry.fetchedAt;
      entry.snapshot = latest.snapshot;
      entry.fetchedAt = latest.fetchedAt;
    }
    entry.failure = latest.error && { error: new AppError(latest.error.code, latest.error.message), at: latest.error.at };
    // Final only with fresh numbers, as the holder itself decides (record-outcome.ts).
    entry.final = latest.final && latest.error === null;
    entry.tailCount = latest.tailCount;
  }
  entry.follow = { recheckAt: followRecheckAt(latest, leaseExpiresAt, now), nextPollAt: latest?.nextPollAt ?? null };
  return fresh;
}

export function sharedLatestOf(entry: BatchEntry, nextPollAt: number | null, now: number): SharedLatest {
  const { failure } = entry;
  return {
    snapshot: entry.snapshot,
    fetchedAt: entry.fetchedAt,
    error: failure && { code: failure.error.code, message: failure.error.message, at: failure.at },
    nextPollAt,
    final: entry.final,
    tailCount: entry.tailCount,
    updatedAt: now,
  };
}
