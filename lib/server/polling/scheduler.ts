import "server-only";
import { isBrokenCircuitError } from "cockatiel";
import { LRUCache } from "lru-cache";
import { isTerminalState, type BatchSnapshot } from "@/lib/batch-snapshot";
import { AppError } from "@/lib/errors";
import type { ProviderId } from "@/lib/providers/provider-id";
import { cadenceFor } from "./cadence";
import { budgetOpensAt, createConnectionLane, laneOpensAt, type ConnectionLane } from "./connection-lane";
import { localCoordinator, type ClaimDecision, type OnDemandDecision } from "./coordinator";
import { createEntry, createPollRequest, entryDueAt, toPollEntry, type BatchEntry } from "./entry";
import { classifyPollError, toAppError } from "./error-kind";
import { shareBudget } from "./fair-share";
import { adoptShared, FOLLOW, sharedLatestOf } from "./follow";
import { onDemandOpensAt, onDemandShare, providerBusy } from "./on-demand-budget";
import { WINDOW_MS } from "./rolling-window";
import { holdForRateLimit, recordCoordinationFailure, recordFailure, recordHold, recordSuccess } from "./record-outcome";
import { POLL_CADENCE, PROVIDER_POLL_BUDGETS } from "./settings";
import { pollKeyToString, type LaneTarget, type PollEntry, type PollKey, type PollScheduler, type PollSchedulerOptions } from "./types";

/**
 * The only caller of `fetchBatch`. Each connection lane has one timer; when it fires (or a call
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
  const lanes = new Map<string, ConnectionLane>();
  const entries = new LRUCache<string, BatchEntry>({
    max: options.maxEntries ?? POLL_CADENCE.maxEntries,
    dispose: (entry) => {
      lanes.get(entry.laneKey)?.keys.delete(entry.id);
      entry.request?.settle();
    },
  });
  // By id, not entry: an entry evicted mid-call and read again must not get a second call.
  const callsInFlight = new Set<string>();
  let stopped = false;
  let lastSweepAt = Date.now();

  function isPushed(lane: ConnectionLane): boolean {
    return options.isPushed?.(lane.connectionId, lane.provider) ?? false;
  }

  function perMinuteOf(lane: ConnectionLane): number {
    const asked = options.budgetFor?.(lane.connectionId, lane.provider);
    const perMinute = asked !== undefined && Number.isFinite(asked) && asked > 0 ? asked : PROVIDER_POLL_BUDGETS[lane.provider].perMinute;
    // Below one poll a minute nothing could ever be read; one poll is the floor.
    return Math.max(perMinute, lane.callsPerPoll);
  }

  /** The polls' own budget: the whole minute, less the on-demand share while list calls are asked for. */
  function pollBudgetOf(lane: ConnectionLane, now: number): number {
    const perMinute = perMinuteOf(lane);
    return lane.onDemandWantedUntil > now ? Math.max(lane.callsPerPoll, perMinute - onDemandShare(perMinute)) : perMinute;
  }

  /** What the window (polls and on-demand calls) may hold before a poll: the minute, less the share on-demand calls have not used yet. */
  function pollLimitOf(lane: ConnectionLane, now: number): number {
    const perMinute = perMinuteOf(lane);
    if (lane.onDemandWantedUntil <= now) return perMinute;
    const unusedShare = Math.max(0, onDemandShare(perMinute) - lane.onDemand.usedAt(now));
    return Math.max(lane.callsPerPoll, perMinute - unusedShare);
  }

  // A requested poll is made even for a final batch, or one nobody reads any more.
  function isPolled(entry: BatchEntry, now: number): boolean {
    return entry.request !== null || (!entry.final && entry.lastReadAt + idleAfterMs > now);
  }

  function pump(lane: ConnectionLane) {
    if (stopped) return;
    const now = Date.now();
    const pollLimit = pollLimitOf(lane, now);
    const active = [...lane.keys].flatMap((id) => {
      const entry = entries.peek(id);
      return entry && isPolled(entry, now) ? [entry] : [];
    });
    const stretch = !coordinator.publish && isPushed(lane) ? POLL_CADENCE.pushed.stretch : 1;
    const shares = shareBudget(
      active.map((entry) => stretchedCadence(entry, stretch)),
      pollBudgetOf(lane, now) / lane.callsPerPoll,
    );
    active.forEach((entry, index) => Object.assign(entry, { intervalMs: shares[index]!.intervalMs, limited: shares[index]!.limited }));

    const allowedAt = () => Math.max(laneOpensAt(lane, now), budgetOpensAt(lane, now, pollLimit));
    let laneAt = allowedAt();
    let wakeAt = Number.POSITIVE_INFINITY;
    for (const entry of active.filter((item) => !callsInFlight.has(item.id)).sort(byLeastRecentlyPolled)) {
      const startAt = Math.max(entryDueAt(entry), laneAt);
      if (startAt > now) {
        wakeAt = Math.min(wakeAt, startAt);
        continue;
      }
      start(lane, entry, now);
      laneAt = allowedAt();
    }
    arm(lane, wakeAt, now);
  }

  // The call is booked in the window before the coordinator answers, so one pump never starts more
  // than the budget allows; the booking is taken back when another instance makes the call.
  function start(lane: ConnectionLane, entry: BatchEntry, now: number) {
    lane.window.record(now, lane.callsPerPoll);
    const controller = new AbortController();
    entry.inFlight = controller;
    callsInFlight.add(entry.id);
    const decision = coordinator.claim({
      key: entry.key,
      id: entry.id,
      connectionId: lane.connectionId,
      now,
      intervalMs: entry.intervalMs,
      cost: lane.callsPerPoll,
      perMinute: pollLimitOf(lane, now),
      requested: entry.request?.force === true,
    });
    if (!(decision instanceof Promise)) return act(lane, entry, controller, decision, now);
    decision.then(
      (decided) => act(lane, entry, controller, decided, now),
      (error: unknown) => {
        if (controller.signal.aborted) return;
        lane.window.remove(now, lane.callsPerPoll);
        recordCoordinationFailure(entry, toAppError(error), Date.now());
        finish(lane, entry);
      },
    );
  }

  function act(lane: ConnectionLane, entry: BatchEntry, controller: AbortController, decision: ClaimDecision, now: number) {
    if (controller.signal.aborted) return;
    if (decision.kind === "call") return call(lane, entry, controller, now);
    lane.window.remove(now, lane.callsPerPoll);
    if (decision.kind === "follow") {
      if (adoptShared(entry, decision.latest, decision.leaseExpiresAt, Date.now()) && entry.snapshot) notifyFollowed(entry.key, entry.snapshot);
      // Pushed changes are polled by whichever instance hears them: look at its result as often as viewers ask.
      if (entry.follow && isPushed(lane)) entry.follow.recheckAt = Math.min(entry.follow.recheckAt, Date.now() + POLL_CADENCE.pushed.viewerPaceMs);
      followRequest(entry);
    } else if (decision.kind === "budget") lane.sharedBudgetUntil = Math.max(lane.sharedBudgetUntil, decision.availableAt);
    else recordHold(lane, entry, decision, Date.now());
    finish(lane, entry);
  }

  function call(lane: ConnectionLane, entry: BatchEntry, controller: AbortController, now: number) {
    // This call starts after every request made so far, and in this same instant: it serves them all.
    const served = entry.request ?? createPollRequest(now, now);
    entry.request = null;
    entry.serving = served;
    entry.follow = null;
    entry.lastPollAt = now;
    entry.pollCount += 1;
    entry.retryNow = false;
    // An open breaker lets only this one call through: its answer says whether the provider is back.
    const probe = lane.breaker.isOpen();
    entry.callDone = lane.breaker
      .execute(() => options.fetchBatch(entry.key, controller.signal))
      .then(
        (snapshot) => {
          recordSuccess(entry, snapshot, Date.now());
          if (probe) retryFailedNow(lane);
          if (entry.snapshot) notifySnapshot(entry.key, entry.snapshot);
        },
        (error: unknown) => {
          if (isBrokenCircuitError(error)) return;
          const failure = toAppError(error);
          recordFailure(lane, entry, failure, Date.now());
          shareHold(lane, failure, Date.now());
          notifyFailure(entry.key, failure);
        },
      )
      .finally(() => {
        finish(lane, entry);
        publish(lane, entry);
        served.settle();
      });
  }

  /**
   * Another instance polls the batch (it holds the lease, or took it for a request a moment ago):
   * the request is served once that instance has published a snapshot fetched after it. Until
   * then the batch is not final here, so this instance keeps looking.
   */
  function followRequest(entry: BatchEntry) {
    const request = entry.request;
    if (!request) return;
    request.force = false;
    if (entry.fetchedAt !== null && entry.fetchedAt >= request.at) {
      entry.request = null;
      request.settle();
      return;
    }
    entry.final = false;
    // The call that serves the request is out now: look again soon, not at the holder's cadence.
    if (entry.follow) entry.follow.recheckAt = Math.min(entry.follow.recheckAt, Date.now() + FOLLOW.retryMs);
  }

  /**
   * The provider answers again after an outage: every batch whose last call failed asks at once
   * (within the budget) instead of at its cadence, which for a settling batch is 30 s away.
   */
  function retryFailedNow(lane: ConnectionLane) {
    for (const id of lane.keys) {
      const waiting = entries.peek(id);
      if (waiting?.failure && !waiting.final) Object.assign(waiting, { retryNow: true, holdUntil: 0 });
    }
  }

  function finish(lane: ConnectionLane, entry: BatchEntry) {
    entry.inFlight = null;
    callsInFlight.delete(entry.id);
    if (entry.snapshot || entry.failure) entry.settleFirst();
    pump(lane);
  }

  function publish(lane: ConnectionLane, entry: BatchEntry) {
    if (!coordinator.publish || stopped) return;
    const now = Date.now();
    void coordinator.publish(entry.id, sharedLatestOf(entry, nextPollAtOf(lane, entry, now), now), entry.intervalMs);
  }

  /** A 429's wait or an open breaker here holds the lane back on every instance too. */
  function shareHold(lane: ConnectionLane, failure: AppError, now: number) {
    if (!coordinator.hold || stopped) return;
    const until = laneOpensAt(lane, now);
    if (until <= now || !Number.isFinite(until)) return;
    void coordinator.hold(lane.connectionId, { until, error: { code: failure.code, message: failure.message } });
  }

  function notifyFollowed(key: PollKey, snapshot: BatchSnapshot) {
    try {
      options.onFollowedSnapshot?.(key, snapshot);
    } catch {
      // Insights are best effort; following must go on.
    }
  }

  function notifyFailure(key: PollKey, failure: AppError) {
    try {
      options.onFailure?.(key, failure);
    } catch {
      // Alerts are best effort; polling must go on.
    }
  }

  function notifySnapshot(key: PollKey, snapshot: BatchSnapshot) {
    try {
      options.onSnapshot?.(key, snapshot);
    } catch {
      // History is best effort; polling must go on.
    }
  }

  function arm(lane: ConnectionLane, wakeAt: number, now: number) {
    if (lane.timerAt === wakeAt) return;
    if (lane.timer) clearTimeout(lane.timer);
    lane.timer = null;
    lane.timerAt = wakeAt;
    if (!Number.isFinite(wakeAt)) return;
    lane.timer = setTimeout(() => {
      lane.timer = null;
      lane.timerAt = Number.POSITIVE_INFINITY;
      pump(lane);
    }, wakeAt - now);
    lane.timer.unref();
  }

  /**
   * A list or recipient call: booked in the lane's window (so polls count it) and its on-demand
   * window, asked of the coordinator where instances share the budget, then run through the
   * lane's breaker. A 429 it hears holds the lane for polls too, as a poll's would.
   */
  async function runOnDemand<T>(target: LaneTarget, calls: number, run: () => Promise<T>): Promise<T> {
    if (stopped) throw stoppedError();
    const lane = laneFor(target);
    const now = Date.now();
    const perMinute = perMinuteOf(lane);
    // Asked for, the share is set aside: polls leave it free for the next minute, so a refused call gets in at its Retry-After.
    lane.onDemandWantedUntil = now + WINDOW_MS;
    const opensAt = onDemandOpensAt(lane, now, perMinute, calls);
    if (opensAt > now) throw providerBusy(opensAt - now);
    lane.window.record(now, calls);
    lane.onDemand.record(now, calls);
    const takeBack = () => {
      lane.window.remove(now, calls);
      lane.onDemand.remove(now, calls);
    };
    let decision: OnDemandDecision = { kind: "call" };
    try {
      if (coordinator.spendOnDemand) decision = await coordinator.spendOnDemand({ connectionId: lane.connectionId, now, cost: calls, perMinute });
    } catch (error) {
      takeBack();
      throw toAppError(error);
    }
    if (decision.kind !== "call") {
      takeBack();
      if (decision.kind === "held") lane.retryAfterUntil = Math.max(lane.retryAfterUntil, decision.until);
      throw providerBusy((decision.kind === "held" ? decision.until : decision.availableAt) - now);
    }
    try {
      return await lane.breaker.execute(run);
    } catch (error) {
      if (isBrokenCircuitError(error)) throw providerBusy(lane.breaker.blockedUntil(Date.now()) - Date.now());
      if (error instanceof AppError && classifyPollError(error) === "rate_limited") {
        holdForRateLimit(lane, error, Date.now());
        shareHold(lane, error, Date.now());
      }
      throw error;
    } finally {
      pump(lane);
    }
  }

  function laneFor(key: LaneTarget): ConnectionLane {
    const id = laneKeyOf(key.connectionId, key.provider);
    let lane = lanes.get(id);
    if (!lane) {
      lane = createConnectionLane(key.connectionId, key.provider);
      lanes.set(id, lane);
    }
    return lane;
  }

  function nextPollAtOf(lane: ConnectionLane, entry: BatchEntry, now: number): number | null {
    if (entry.final) return null;
    if (entry.inFlight) return now;
    if (entry.follow) {
      const expected = entry.follow.nextPollAt;
      return expected !== null && expected > now ? expected : entry.follow.recheckAt;
    }
    const opensAt = laneOpensAt(lane, now);
    const budgetAt = budgetOpensAt(lane, now, pollLimitOf(lane, now));
    // A half-open probe is out: its answer decides, and it is due any moment.
    return Math.max(entryDueAt(entry), Number.isFinite(opensAt) ? opensAt : now, budgetAt);
  }

  function sweep(now: number) {
    if (now - lastSweepAt < idleAfterMs) return;
    lastSweepAt = now;
    for (const [id, entry] of [...entries.entries()]) {
      if (!entry.inFlight && entry.lastReadAt + evictAfterMs <= now) entries.delete(id);
    }
    for (const [id, lane] of lanes) {
      const quiet = lane.window.isEmpty(now) && !lane.breaker.isOpen() && lane.retryAfterUntil <= now;
      if (lane.keys.size > 0 || !quiet) continue;
      if (lane.timer) clearTimeout(lane.timer);
      lanes.delete(id);
    }
  }

  /**
   * A final batch may have been polled again on another instance (requestPoll after a resume):
   * when that instance published a newer outcome that is not final, follow the batch again.
   */
  function peekElsewhere(lane: ConnectionLane, entry: BatchEntry, now: number) {
    if (!coordinator.peek || now < entry.peekAfter) return;
    entry.peekAfter = now + POLL_CADENCE.finalPeekMs;
    coordinator.peek(entry.id).then(
      (latest) => {
        if (stopped || !latest || latest.final || !entry.final) return;
        if (latest.fetchedAt === null || (entry.fetchedAt !== null && latest.fetchedAt <= entry.fetchedAt)) return;
        entry.final = false;
        entry.tailCount = latest.tailCount;
        entry.follow = null;
        entry.retryNow = true;
        pump(lane);
      },
      () => undefined,
    );
  }

  /**
   * A pushed change is polled by the instance that heard it, which takes the batch's lease: an
   * instance that held it learns so only at its next claim. While the connection pushes, a read
   * here looks at what other instances published (coordinator.peek, no call) every viewer pace and
   * serves a newer snapshot at once.
   */
  function peekNewer(entry: BatchEntry, now: number) {
    if (!coordinator.peek || now < entry.peekAfter || entry.inFlight) return;
    entry.peekAfter = now + POLL_CADENCE.pushed.viewerPaceMs;
    coordinator.peek(entry.id).then(
      (latest) => {
        if (stopped || entry.final || !latest?.snapshot || latest.error || latest.fetchedAt === null) return;
        if (entry.fetchedAt !== null && latest.fetchedAt <= entry.fetchedAt) return;
        Object.assign(entry, { snapshot: latest.snapshot, fetchedAt: latest.fetchedAt, failure: null, tailCount: latest.tailCount });
        notifyFollowed(entry.key, latest.snapshot);
      },
      () => undefined,
    );
  }

  function entryFor(key: PollKey, lane: ConnectionLane, now: number): { entry: BatchEntry; created: boolean } {
    const id = pollKeyToString(key);
    const found = entries.get(id);
    if (found) return { entry: found, created: false };
    const entry = createEntry(key, id, laneKeyOf(key.connectionId, key.provider), now);
    entries.set(id, entry);
    lane.keys.add(id);
    return { entry, created: true };
  }

  return {
    requestPoll(key: PollKey): Promise<void> {
      if (stopped) return Promise.resolve();
      const now = Date.now();
      const lane = laneFor(key);
      const { entry, created } = entryFor(key, lane, now);
      // Asked for, not read: a batch nobody watches gets this one poll, not a minute of them.
      if (created) entry.lastReadAt = now - idleAfterMs;
      if (entry.request) return entry.request.served;
      if (entry.inFlight && entry.serving && entry.lastPollAt !== null && entry.lastPollAt >= now) return entry.serving.served;
      const gapAt = entry.lastPollAt === null ? now : entry.lastPollAt + POLL_CADENCE.requestGapMs;
      const request = createPollRequest(now, Math.max(now, gapAt));
      entry.request = request;
      entry.final = false;
      pump(lane);
      return request.served;
    },
    async read(key: PollKey): Promise<PollEntry> {
      if (stopped) throw stoppedError();
      const now = Date.now();
      sweep(now);
      const lane = laneFor(key);
      const held = entries.get(pollKeyToString(key));
      const wakes = !held || !isPolled(held, now);
      const { entry } = entryFor(key, lane, now);
      entry.lastReadAt = now;
      if (entry.final) peekElsewhere(lane, entry, now);
      else if (isPushed(lane)) peekNewer(entry, now);
      if (wakes && !entry.final) pump(lane);
      // Woken after a quiet spell, its numbers are old: wait a moment for the call just started.
      if (wakes && entry.snapshot && entry.inFlight) await settleWithin(entry.callDone, POLL_CADENCE.wakeWaitMs);

      if (!entry.snapshot && !entry.failure) {
        // A new batch on a lane that is rate limited or broken fails fast with the reason.
        const blocked = laneOpensAt(lane, now) > now ? lane.lastBlockingError : null;
        if (blocked) throw blocked;
        await waitAtMost(entry.firstOutcome, options.firstSnapshotWaitMs);
        if (stopped) throw stoppedError();
      }
      if (!entry.snapshot) throw entry.failure?.error ?? stoppedError();
      return toPollEntry(entry, nextPollAtOf(lane, entry, Date.now()), pollBudgetOf(lane, Date.now()));
    },
    runOnDemand,
    holds: (key) => entries.has(pollKeyToString(key)),
    size: () => entries.size,
    stop() {
      stopped = true;
      for (const lane of lanes.values()) if (lane.timer) clearTimeout(lane.timer);
      for (const entry of entries.values()) {
        entry.inFlight?.abort();
        entry.settleFirst();
        entry.request?.settle();
      }
      entries.clear();
      lanes.clear();
      callsInFlight.clear();
    },
  };
}

// The settling tail is left alone: its count of polls decides when a batch is final.
function stretchedCadence(entry: BatchEntry, stretch: number): number {
  const state = entry.snapshot?.state ?? null;
  const cadence = cadenceFor(entry.key.provider, state);
  return state !== null && isTerminalState(state) ? cadence : cadence * stretch;
}

function laneKeyOf(connectionId: string, provider: ProviderId): string {
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

/** Waits for `promise` to settle, at most `ms`; never rejects. */
async function settleWithin(promise: Promise<unknown> | null, ms: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const elapsed = new Promise<void>((resolve) => (timer = setTimeout(resolve, ms)));
  try {
    await Promise.race([promise?.catch(() => undefined), elapsed]);
  } finally {
    clearTimeout(timer);
  }
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
