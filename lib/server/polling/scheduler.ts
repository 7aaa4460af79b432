import "server-only";
import { isBrokenCircuitError } from "cockatiel";
import { LRUCache } from "lru-cache";
import type { BatchSnapshot } from "@/lib/batch-snapshot";
import { AppError } from "@/lib/errors";
import type { ProviderId } from "@/lib/providers/provider-id";
import { cadenceFor } from "./cadence";
import { budgetOpensAt, connectionOpensAt, createConnection, type Connection } from "./connection-lane";
import { localCoordinator, type ClaimDecision } from "./coordinator";
import { createEntry, entryDueAt, toPollEntry, type BatchEntry } from "./entry";
import { toAppError } from "./error-kind";
import { shareBudget } from "./fair-share";
import { adoptShared, sharedLatestOf } from "./follow";
import { recordCoordinationFailure, recordFailure, recordHold, recordSuccess } from "./record-outcome";
import { POLL_CADENCE, PROVIDER_POLL_BUDGETS } from "./settings";
import { pollKeyToString, type PollEntry, type PollKey, type PollScheduler, type PollSchedulerOptions } from "./types";

/**
 * The only caller of `fetchBatch`. Each connection has one timer; when it fires (or a call
 * ends, or a new batch is read) `pump` shares the budget out, then starts every batch that is
 * due and allowed, least recently polled first. Before each call the coordinator says whether
 * this instance makes it (always, alone on SQLite) or serves another instance's result
 * (PostgreSQL, see coordinator.ts). Clock: Date.now() and global timers (cockatiel reads
 * Date.now() too), so vitest fake timers drive all of it.
 */
export function createPollScheduler(options: PollSchedulerOptions): PollScheduler {
  const idleAfterMs = options.idleAfterMs ?? POLL_CADENCE.idleAfterMs;
  const evictAfterMs = options.evictAfterMs ?? POLL_CADENCE.evictAfterMs;
  const coordinator = options.coordinator ?? localCoordinator;
  const connections = new Map<string, Connection>();
  const entries = new LRUCache<string, BatchEntry>({
    max: options.maxEntries ?? POLL_CADENCE.maxEntries,
    dispose: (entry) => connections.get(entry.connectionId)?.keys.delete(entry.id),
  });
  // By id, not entry: an entry evicted mid-call and read again must not get a second call.
  const callsInFlight = new Set<string>();
  let stopped = false;
  let lastSweepAt = Date.now();

  function perMinuteOf(connection: Connection): number {
    const asked = options.budgetFor?.(connection.id, connection.provider);
    const perMinute = asked !== undefined && Number.isFinite(asked) && asked > 0 ? asked : PROVIDER_POLL_BUDGETS[connection.provider].perMinute;
    // Below one poll a minute nothing could ever be read; one poll is the floor.
    return Math.max(perMinute, connection.callsPerPoll);
  }

  function isPolled(entry: BatchEntry, now: number): boolean {
    return !entry.final && entry.lastReadAt + idleAfterMs > now;
  }

  function pump(connection: Connection) {
    if (stopped) return;
    const now = Date.now();
    const perMinute = perMinuteOf(connection);
    const active = [...connection.keys].flatMap((id) => {
      const entry = entries.peek(id);
      return entry && isPolled(entry, now) ? [entry] : [];
    });
    const shares = shareBudget(
      active.map((entry) => cadenceFor(entry.key.provider, entry.snapshot?.state ?? null)),
      perMinute / connection.callsPerPoll,
    );
    active.forEach((entry, index) => Object.assign(entry, { intervalMs: shares[index]!.intervalMs, limited: shares[index]!.limited }));

    const allowedAt = () => Math.max(connectionOpensAt(connection, now), budgetOpensAt(connection, now, perMinute));
    let connectionAt = allowedAt();
    let wakeAt = Number.POSITIVE_INFINITY;
    for (const entry of active.filter((item) => !callsInFlight.has(item.id)).sort(byLeastRecentlyPolled)) {
      const startAt = Math.max(entryDueAt(entry), connectionAt);
      if (startAt > now) {
        wakeAt = Math.min(wakeAt, startAt);
        continue;
      }
      start(connection, entry, now);
      connectionAt = allowedAt();
    }
    arm(connection, wakeAt, now);
  }

  // The call is booked in the window before the coordinator answers, so one pump never starts more
  // than the budget allows; the booking is taken back when another instance makes the call.
  function start(connection: Connection, entry: BatchEntry, now: number) {
    connection.window.record(now, connection.callsPerPoll);
    const controller = new AbortController();
    entry.inFlight = controller;
    callsInFlight.add(entry.id);
    const decision = coordinator.claim({
      key: entry.key,
      id: entry.id,
      connectionId: connection.id,
      now,
      intervalMs: entry.intervalMs,
      cost: connection.callsPerPoll,
      perMinute: perMinuteOf(connection),
    });
    if (!(decision instanceof Promise)) return act(connection, entry, controller, decision, now);
    decision.then(
      (decided) => act(connection, entry, controller, decided, now),
      (error: unknown) => {
        if (controller.signal.aborted) return;
        connection.window.remove(now, connection.callsPerPoll);
        recordCoordinationFailure(entry, toAppError(error), Date.now());
        finish(connection, entry);
      },
    );
  }

  function act(connection: Connection, entry: BatchEntry, controller: AbortController, decision: ClaimDecision, now: number) {
    if (controller.signal.aborted) return;
    if (decision.kind === "call") return call(connection, entry, controller, now);
    connection.window.remove(now, connection.callsPerPoll);
    if (decision.kind === "follow") {
      if (adoptShared(entry, decision.latest, decision.leaseExpiresAt, Date.now()) && entry.snapshot) notifyFollowed(entry.key, entry.snapshot);
    } else if (decision.kind === "budget") connection.sharedBudgetUntil = Math.max(connection.sharedBudgetUntil, decision.availableAt);
    else recordHold(connection, entry, decision, Date.now());
    finish(connection, entry);
  }

  function call(connection: Connection, entry: BatchEntry, controller: AbortController, now: number) {
    entry.follow = null;
    entry.lastPollAt = now;
    entry.pollCount += 1;
    connection.breaker
      .execute(() => options.fetchBatch(entry.key, controller.signal))
      .then(
        (snapshot) => {
          recordSuccess(entry, snapshot, Date.now());
          notifySnapshot(entry.key, snapshot);
        },
        (error: unknown) => {
          if (isBrokenCircuitError(error)) return;
          const failure = toAppError(error);
          recordFailure(connection, entry, failure, Date.now());
          shareHold(connection, failure, Date.now());
        },
      )
      .finally(() => {
        finish(connection, entry);
        publish(connection, entry);
      });
  }

  function finish(connection: Connection, entry: BatchEntry) {
    entry.inFlight = null;
    callsInFlight.delete(entry.id);
    if (entry.snapshot || entry.failure) entry.settleFirst();
    pump(connection);
  }

  function publish(connection: Connection, entry: BatchEntry) {
    if (!coordinator.publish || stopped) return;
    const now = Date.now();
    void coordinator.publish(entry.id, sharedLatestOf(entry, nextPollAtOf(connection, entry, now), now), entry.intervalMs);
  }

  /** A 429's wait or an open breaker here holds the connection back on every instance too. */
  function shareHold(connection: Connection, failure: AppError, now: number) {
    if (!coordinator.hold || stopped) return;
    const until = connectionOpensAt(connection, now);
    if (until <= now || !Number.isFinite(until)) return;
    void coordinator.hold(connection.id, { until, error: { code: failure.code, message: failure.message } });
  }

  function notifyFollowed(key: PollKey, snapshot: BatchSnapshot) {
    try {
      options.onFollowedSnapshot?.(key, snapshot);
    } catch {
      // Insights are best effort; following must go on.
    }
  }

  function notifySnapshot(key: PollKey, snapshot: BatchSnapshot) {
    try {
      options.onSnapshot?.(key, snapshot);
    } catch {
      // History is best effort; polling must go on.
    }
  }

  function arm(connection: Connection, wakeAt: number, now: number) {
    if (connection.timerAt === wakeAt) return;
    if (connection.timer) clearTimeout(connection.timer);
    connection.timer = null;
    connection.timerAt = wakeAt;
    if (!Number.isFinite(wakeAt)) return;
    connection.timer = setTimeout(() => {
      connection.timer = null;
      connection.timerAt = Number.POSITIVE_INFINITY;
      pump(connection);
    }, wakeAt - now);
    connection.timer.unref();
  }

  function connectionFor(key: PollKey): Connection {
    const id = connectionMapKey(key.connectionId, key.provider);
    let connection = connections.get(id);
    if (!connection) {
      connection = createConnection(key.connectionId, key.provider);
      connections.set(id, connection);
    }
    return connection;
  }

  function nextPollAtOf(connection: Connection, entry: BatchEntry, now: number): number | null {
    if (entry.final) return null;
    if (entry.inFlight) return now;
    if (entry.follow) {
      const expected = entry.follow.nextPollAt;
      return expected !== null && expected > now ? expected : entry.follow.recheckAt;
    }
    const opensAt = connectionOpensAt(connection, now);
    const budgetAt = budgetOpensAt(connection, now, perMinuteOf(connection));
    // A half-open probe is out: its answer decides, and it is due any moment.
    return Math.max(entryDueAt(entry), Number.isFinite(opensAt) ? opensAt : now, budgetAt);
  }

  function sweep(now: number) {
    if (now - lastSweepAt < idleAfterMs) return;
    lastSweepAt = now;
    for (const [id, entry] of [...entries.entries()]) {
      if (!entry.inFlight && entry.lastReadAt + evictAfterMs <= now) entries.delete(id);
    }
    for (const [id, connection] of connections) {
      const quiet = connection.window.isEmpty(now) && !connection.breaker.isOpen() && connection.retryAfterUntil <= now;
      if (connection.keys.size > 0 || !quiet) continue;
      if (connection.timer) clearTimeout(connection.timer);
      connections.delete(id);
    }
  }

  return {
    async read(key: PollKey): Promise<PollEntry> {
      if (stopped) throw stoppedError();
      const now = Date.now();
      sweep(now);
      const connection = connectionFor(key);
      const id = pollKeyToString(key);
      let entry = entries.get(id);
      const wakes = !entry || !isPolled(entry, now);
      if (!entry) {
        entry = createEntry(key, id, connectionMapKey(key.connectionId, key.provider), now);
        entries.set(id, entry);
        connection.keys.add(id);
      }
      entry.lastReadAt = now;
      if (wakes && !entry.final) pump(connection);

      if (!entry.snapshot && !entry.failure) {
        // A new batch on a connection that is rate limited or broken fails fast with the reason.
        const blocked = connectionOpensAt(connection, now) > now ? connection.lastBlockingError : null;
        if (blocked) throw blocked;
        await waitAtMost(entry.firstOutcome, options.firstSnapshotWaitMs);
        if (stopped) throw stoppedError();
      }
      if (!entry.snapshot) throw entry.failure?.error ?? stoppedError();
      return toPollEntry(entry, nextPollAtOf(connection, entry, Date.now()), perMinuteOf(connection));
    },
    size: () => entries.size,
    stop() {
      stopped = true;
      for (const connection of connections.values()) if (connection.timer) clearTimeout(connection.timer);
      for (const entry of entries.values()) {
        entry.inFlight?.abort();
        entry.settleFirst();
      }
      entries.clear();
      connections.clear();
      callsInFlight.clear();
    },
  };
}

function connectionMapKey(connectionId: string, provider: ProviderId): string {
  return `${connectionId}:${provider}`;
}

// Ties (batches polled in the same instant) go to the batch polled least often, so the ones
// left waiting at one contention go first at the next instead of always the same ones.
function byLeastRecentlyPolled(a: BatchEntry, b: BatchEntry): number {
  const left = a.lastPollAt ?? Number.NEGATIVE_INFINITY;
  const right = b.lastPollAt ?? Number.NEGATIVE_INFINITY;
  if (left !== right) return left < right ? -1 : 1;
  return a.pollCount - b.pollCount;
}

/** Only a batch's first read waits, so only it pays for a timer. */
async function waitAtMost(outcome: Promise<void>, ms: number | undefined): Promise<void> {
  if (ms === undefined) return outcome;
  let timer: NodeJS.Timeout | undefined;
  const pending = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new AppError("snapshot_pending", "This batch is waiting for its turn within the provider's request budget. Try again shortly.")),
      ms,
    );
  });
  try {
    await Promise.race([outcome, pending]);
  } finally {
    clearTimeout(timer);
  }
}

function stoppedError(): AppError {
  return new AppError("internal", "Batch polling has stopped.");
}
