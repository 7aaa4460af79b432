import type { BatchSnapshot } from "@/lib/batch-snapshot";
import type { AppError } from "@/lib/errors";
import { createBatchBackoff } from "./batch-backoff";
import { cadenceFor } from "./cadence";
import type { PollEntry, PollKey } from "./types";

/** The scheduler's private state for one batch. */
export type BatchEntry = {
  key: PollKey;
  id: string;
  /** The connection lane the batch is polled in (see connection-lane.ts). */
  laneKey: string;
  snapshot: BatchSnapshot | null;
  fetchedAt: number | null;
  failure: { error: AppError; at: number } | null;
  lastReadAt: number;
  /** Start of the latest call, null before the first. */
  lastPollAt: number | null;
  pollCount: number;
  /** Earliest next call for this batch alone (its own backoff). */
  holdUntil: number;
  /** Its connection answers again after failing: call at once rather than at the cadence. */
  retryNow: boolean;
  backoff: ReturnType<typeof createBatchBackoff>;
  tailCount: number | null;
  final: boolean;
  inFlight: AbortController | null;
  /** Settles when the latest call this instance made has been recorded. */
  callDone: Promise<void> | null;
  intervalMs: number;
  limited: boolean;
  /** Another instance polls this batch (PostgreSQL): when to look again, and when it calls next. */
  follow: { recheckAt: number; nextPollAt: number | null } | null;
  /** A final batch read here looks at what other instances published no sooner than this (coordinator.peek). */
  peekAfter: number;
  /** A requestPoll not yet served: the next call that starts after it (see PollRequest). */
  request: PollRequest | null;
  /** The request the latest call serves (one is made for every call): requests in the instant it starts share it. */
  serving: PollRequest | null;
  /** Resolved when the first call settles, whatever its outcome; every first reader waits on it. */
  firstOutcome: Promise<void>;
  settleFirst: () => void;
};

export function createEntry(key: PollKey, id: string, laneKey: string, now: number): BatchEntry {
  let settleFirst = () => {};
  const firstOutcome = new Promise<void>((resolve) => (settleFirst = resolve));
  return {
    key,
    id,
    laneKey,
    snapshot: null,
    fetchedAt: null,
    failure: null,
    lastReadAt: now,
    lastPollAt: null,
    pollCount: 0,
    holdUntil: 0,
    retryNow: false,
    backoff: createBatchBackoff(),
    tailCount: null,
    final: false,
    inFlight: null,
    callDone: null,
    intervalMs: cadenceFor(key.provider, null),
    limited: false,
    follow: null,
    peekAfter: 0,
    request: null,
    serving: null,
    firstOutcome,
    settleFirst,
  };
}

/**
 * "Poll this batch as soon as the budget allows" (requestPoll), outside the batch's cadence.
 * `force`: the next claim asks the instances to let this one call now (PostgreSQL), cleared once a
 * claim answered call or follow. `settle` runs once the request is served (or dropped).
 */
export type PollRequest = { at: number; dueAt: number; force: boolean; served: Promise<void>; settle: () => void };

export function createPollRequest(now: number, dueAt: number): PollRequest {
  let settle = () => {};
  const served = new Promise<void>((resolve) => (settle = resolve));
  return { at: now, dueAt, force: true, served, settle };
}

/** When this batch next wants a call, ignoring what the connection allows. */
export function entryDueAt(entry: BatchEntry): number {
  if (entry.request && (entry.request.force || !entry.follow)) return entry.request.dueAt;
  if (entry.follow) return entry.follow.recheckAt;
  if (entry.lastPollAt === null || entry.retryNow) return entry.holdUntil;
  return Math.max(entry.lastPollAt + entry.intervalMs, entry.holdUntil);
}

export function toPollEntry(entry: BatchEntry, nextPollAt: number | null, perMinute: number): PollEntry {
  const { snapshot, failure } = entry;
  return {
    snapshot: snapshot && failure ? { ...snapshot, stale: true } : snapshot,
    error: failure ? { code: failure.error.code, message: failure.error.message, at: failure.at } : null,
    fetchedAt: entry.fetchedAt,
    nextPollAt,
    final: entry.final,
    intervalMs: entry.intervalMs,
    budget: { perMinute, limited: entry.limited },
  };
}
