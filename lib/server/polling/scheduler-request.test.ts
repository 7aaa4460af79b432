import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { BatchState } from "@/lib/batch-snapshot";
import type { ClaimRequest, PollCoordinator } from "./coordinator";
import { createPollScheduler } from "./scheduler";
import { POLL_CADENCE } from "./settings";
import { createFakeUpstream, makeKey, makeSnapshot, readWhileAdvancing, START } from "./test-support";
import type { PollScheduler } from "./types";

// requestPoll: "poll this batch as soon as the budget allows".
let scheduler: PollScheduler;

beforeEach(() => {
  vi.useFakeTimers();
  vi.setSystemTime(START);
});

afterEach(() => {
  scheduler.stop();
  vi.useRealTimers();
});

const key = makeKey("bolna", "b1");

function upstreamIn(state: () => BatchState) {
  return createFakeUpstream((polled) => makeSnapshot(polled, state(), 10));
}

describe("requestPoll", () => {
  it("polls a waiting batch at once instead of at its 10 s cadence, and resolves with the new snapshot recorded", async () => {
    let state: BatchState = "scheduled";
    const upstream = upstreamIn(() => state);
    scheduler = createPollScheduler({ fetchBatch: upstream.fetchBatch });
    await readWhileAdvancing(scheduler, key, 200);
    await vi.advanceTimersByTimeAsync(3_000);
    state = "paused";

    const served = scheduler.requestPoll(key);
    await vi.advanceTimersByTimeAsync(150);
    await served;
    expect(upstream.callTimes(key).map((at) => at - START)).toEqual([0, 3_200]);
    expect((await scheduler.read(key)).snapshot?.state).toBe("paused");
  });

  it("coalesces a thousand requests in one moment into one call", async () => {
    const upstream = upstreamIn(() => "running");
    scheduler = createPollScheduler({ fetchBatch: upstream.fetchBatch });
    await readWhileAdvancing(scheduler, key, 200);
    await vi.advanceTimersByTimeAsync(1_000);

    const requests = Array.from({ length: 1_000 }, () => scheduler.requestPoll(key));
    await vi.advanceTimersByTimeAsync(150);
    await Promise.all(requests);
    expect(upstream.callTimes(key).map((at) => at - START)).toEqual([0, 1_200]);
  });

  it("makes a burst over a second one call at once and one after the gap, however many requests", async () => {
    const upstream = upstreamIn(() => "scheduled");
    scheduler = createPollScheduler({ fetchBatch: upstream.fetchBatch });
    await readWhileAdvancing(scheduler, key, 200);
    await vi.advanceTimersByTimeAsync(2_000);
    const before = upstream.callTimes(key).length;

    const requests: Promise<void>[] = [];
    for (let index = 0; index < 1_000; index += 1) {
      requests.push(scheduler.requestPoll(key));
      await vi.advanceTimersByTimeAsync(1);
    }
    await vi.advanceTimersByTimeAsync(POLL_CADENCE.requestGapMs + 200);
    await Promise.all(requests);
    const gaps = upstream.callTimes(key).slice(before);
    expect(gaps).toHaveLength(2);
    expect(gaps[1]! - gaps[0]!).toBe(POLL_CADENCE.requestGapMs);
  });

  it("polls a final batch once more, un-finalised until its new state settles", async () => {
    const key = makeKey("sendgrid", "sg1");
    let state: BatchState = "cancelled";
    const upstream = upstreamIn(() => state);
    // Read all along: a batch nobody reads stops being polled whatever its state.
    scheduler = createPollScheduler({ fetchBatch: upstream.fetchBatch, idleAfterMs: 600_000 });
    await readWhileAdvancing(scheduler, key, 200);
    await vi.advanceTimersByTimeAsync(120_000);
    expect((await scheduler.read(key)).final).toBe(true);
    const settled = upstream.callTimes(key).length;
    await vi.advanceTimersByTimeAsync(60_000);
    expect(upstream.callTimes(key)).toHaveLength(settled);

    state = "scheduled";
    const served = scheduler.requestPoll(key);
    await vi.advanceTimersByTimeAsync(150);
    await served;
    const entry = await scheduler.read(key);
    expect(upstream.callTimes(key)).toHaveLength(settled + 1);
    expect(entry).toMatchObject({ final: false, snapshot: { state: "scheduled" } });
  });

  it("polls a batch nobody reads once, and not again", async () => {
    const upstream = upstreamIn(() => "running");
    scheduler = createPollScheduler({ fetchBatch: upstream.fetchBatch });
    const served = scheduler.requestPoll(key);
    await vi.advanceTimersByTimeAsync(150);
    await served;
    await vi.advanceTimersByTimeAsync(30_000);
    expect(upstream.callTimes(key)).toEqual([START]);
  });

  it("waits for the budget: a spent minute delays the requested call, it never exceeds the budget", async () => {
    const upstream = upstreamIn(() => "running");
    // Bolna costs one request a poll; a budget of 2 a minute is spent by the first two polls.
    scheduler = createPollScheduler({ fetchBatch: upstream.fetchBatch, budgetFor: () => 2 });
    await readWhileAdvancing(scheduler, key, 200);
    await vi.advanceTimersByTimeAsync(40_000);
    expect(upstream.callTimes(key)).toHaveLength(2);

    let done = false;
    void scheduler.requestPoll(key).then(() => (done = true));
    await vi.advanceTimersByTimeAsync(5_000);
    expect(done).toBe(false);
    await vi.advanceTimersByTimeAsync(20_000);
    expect(done).toBe(true);
    expect(upstream.callTimes(key).map((at) => at - START)).toEqual([0, 30_000, 60_000]);
  });

  it("asks the coordinator for a requested call, and only for that one", async () => {
    const upstream = upstreamIn(() => "scheduled");
    const claims: ClaimRequest[] = [];
    const coordinator: PollCoordinator = { claim: (request) => (claims.push(request), { kind: "call" }) };
    scheduler = createPollScheduler({ fetchBatch: upstream.fetchBatch, coordinator });
    await readWhileAdvancing(scheduler, key, 200);
    const served = scheduler.requestPoll(key);
    // The batch was polled 200 ms ago: the requested call waits for the gap.
    await vi.advanceTimersByTimeAsync(POLL_CADENCE.requestGapMs);
    await served;
    await vi.advanceTimersByTimeAsync(POLL_CADENCE.waitingMs);
    expect(claims.map((claim) => claim.requested)).toEqual([false, true, false]);
  });

  it("is served by another instance's snapshot fetched after the request, and keeps looking until then", async () => {
    const upstream = upstreamIn(() => "scheduled");
    let publishedAt = START - 5_000;
    const coordinator: PollCoordinator = {
      claim: async ({ now }) => {
        const latest = { snapshot: makeSnapshot(key, "completed"), fetchedAt: publishedAt, error: null, nextPollAt: null, final: true, tailCount: 3, updatedAt: publishedAt };
        return { kind: "follow", latest, leaseExpiresAt: now + 60_000 };
      },
    };
    scheduler = createPollScheduler({ fetchBatch: upstream.fetchBatch, coordinator });
    expect((await readWhileAdvancing(scheduler, key, 10)).final).toBe(true);

    let done = false;
    void scheduler.requestPoll(key).then(() => (done = true));
    await vi.advanceTimersByTimeAsync(2_000);
    expect(done).toBe(false);
    publishedAt = Date.now();
    await vi.advanceTimersByTimeAsync(1_000);
    expect(done).toBe(true);
    expect(upstream.calls).toEqual([]);
  });
});
