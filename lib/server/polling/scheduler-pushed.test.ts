import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { PollCoordinator, SharedLatest } from "./coordinator";
import { createPollScheduler } from "./scheduler";
import { POLL_CADENCE } from "./settings";
import { createFakeUpstream, keepReading, makeKey, makeSnapshot, START } from "./test-support";
import type { PollScheduler } from "./types";

let scheduler: PollScheduler;

beforeEach(() => {
  vi.useFakeTimers();
  vi.setSystemTime(START);
});
afterEach(() => {
  scheduler.stop();
  vi.useRealTimers();
});

describe("poll scheduler while a connection's provider pushes events", () => {
  it("stretches a running batch's own polls, and still serves every request at once, coalesced", async () => {
    let pushed = true;
    const upstream = createFakeUpstream((key) => makeSnapshot(key, "running", Math.floor((Date.now() - START) / 100)));
    scheduler = createPollScheduler({ fetchBatch: upstream.fetchBatch, isPushed: () => pushed });
    const key = makeKey("bolna", "pushed-batch");
    const stop = keepReading(scheduler, () => [key], 500);
    await vi.advanceTimersByTimeAsync(30_000);
    const stretched = POLL_CADENCE.runningMs * POLL_CADENCE.pushed.stretch;
    // 30 s at 10 s: the first call and three more, not the 15 of the 2 s cadence.
    expect(upstream.callTimes(key)).toHaveLength(1 + 30_000 / stretched);
    expect((await scheduler.read(key)).intervalMs).toBe(stretched);

    // A storm of requests between two polls: one call at once, not one per request.
    const before = upstream.callTimes(key).length;
    await vi.advanceTimersByTimeAsync(POLL_CADENCE.requestGapMs);
    const served = Promise.all(Array.from({ length: 1_000 }, () => scheduler.requestPoll(key)));
    await vi.advanceTimersByTimeAsync(200);
    await served;
    expect(upstream.callTimes(key)).toHaveLength(before + 1);

    pushed = false;
    await vi.advanceTimersByTimeAsync(stretched);
    expect((await scheduler.read(key)).intervalMs).toBe(POLL_CADENCE.runningMs);
    stop();
  });

  it("leaves the settling tail of a terminal batch at its own pace, so it turns final when it would have", async () => {
    const upstream = createFakeUpstream((key) => makeSnapshot(key, "completed", 10));
    scheduler = createPollScheduler({ fetchBatch: upstream.fetchBatch, isPushed: () => true });
    const key = makeKey("bolna", "finished-batch");
    const stop = keepReading(scheduler, () => [key], 1_000);
    await vi.advanceTimersByTimeAsync(POLL_CADENCE.settling.bolna.everyMs * 3 + 500);
    expect((await scheduler.read(key)).intervalMs).toBe(POLL_CADENCE.settling.bolna.everyMs);
    expect(upstream.callTimes(key)).toHaveLength(4);
    stop();
  });

  it("with other instances, keeps its own cadence and, following, looks at the holder's result at the viewers' pace", async () => {
    let pushed = true;
    const key = makeKey("bolna", "followed-batch");
    const claims: number[] = [];
    // Another instance holds the batch and expects its own next call far away (its stretched cadence).
    const latest = (): SharedLatest => ({ snapshot: makeSnapshot(key, "running", 5), fetchedAt: Date.now(), error: null, nextPollAt: Date.now() + 10_000, final: false, tailCount: null, updatedAt: Date.now() });
    const coordinator: PollCoordinator = {
      // Asynchronous, as the PostgreSQL coordinator's answers are.
      claim: async () => {
        claims.push(Date.now());
        return { kind: "follow", latest: latest(), leaseExpiresAt: Date.now() + 60_000 };
      },
      publish: async () => undefined,
    };
    const upstream = createFakeUpstream((polled) => makeSnapshot(polled, "running"));
    scheduler = createPollScheduler({ fetchBatch: upstream.fetchBatch, coordinator, isPushed: () => pushed });
    const stop = keepReading(scheduler, () => [key], 500);
    await vi.advanceTimersByTimeAsync(10_000);
    expect((await scheduler.read(key)).intervalMs).toBe(POLL_CADENCE.runningMs);
    expect(claims.length).toBeGreaterThanOrEqual(9);
    expect(upstream.callTimes(key)).toHaveLength(0);
    pushed = false;
    claims.length = 0;
    await vi.advanceTimersByTimeAsync(20_000);
    // Not pushed: once per the holder's expected call.
    expect(claims.length).toBeLessThanOrEqual(3);
    stop();
  });

  it("with other instances, a batch held here serves a newer snapshot another instance published (a pushed poll) within the viewers' pace", async () => {
    let pushed = true;
    const key = makeKey("bolna", "held-batch");
    const elsewhere = { at: 0 };
    const coordinator: PollCoordinator = {
      claim: async () => ({ kind: "call" }),
      publish: async () => undefined,
      // Another instance polled the batch for a webhook event and published its answer.
      peek: async () =>
        elsewhere.at === 0 ? null : { snapshot: makeSnapshot(key, "cancelled", 9), fetchedAt: elsewhere.at, error: null, nextPollAt: null, final: false, tailCount: 0, updatedAt: elsewhere.at },
    };
    const upstream = createFakeUpstream((polled) => makeSnapshot(polled, "running", 1));
    scheduler = createPollScheduler({ fetchBatch: upstream.fetchBatch, coordinator, isPushed: () => pushed });
    const stop = keepReading(scheduler, () => [key], 250);
    // Just after this instance's second own poll (at 2 s): its next is 2 s away.
    await vi.advanceTimersByTimeAsync(2_200);
    expect(upstream.callTimes(key)).toHaveLength(2);
    expect((await scheduler.read(key)).snapshot?.state).toBe("running");
    elsewhere.at = Date.now();
    await vi.advanceTimersByTimeAsync(POLL_CADENCE.pushed.viewerPaceMs + 300);
    expect((await scheduler.read(key)).snapshot).toMatchObject({ state: "cancelled", processed: 9 });
    expect(upstream.callTimes(key)).toHaveLength(2);
    stop();

    // Not pushed: such a snapshot waits for this instance's own next claim.
    pushed = false;
    const other = makeKey("bolna", "held-quietly");
    elsewhere.at = 0;
    const quiet = keepReading(scheduler, () => [other], 250);
    await vi.advanceTimersByTimeAsync(2_200);
    elsewhere.at = Date.now();
    await vi.advanceTimersByTimeAsync(1_300);
    expect((await scheduler.read(other)).snapshot?.state).toBe("running");
    quiet();
  });
});
