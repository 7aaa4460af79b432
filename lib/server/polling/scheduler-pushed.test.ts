import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
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
    scheduler = createPollScheduler({ fetchBatch: upstream.fetchBatch, cadenceStretchFor: () => (pushed ? POLL_CADENCE.pushed.stretch : 1) });
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
    scheduler = createPollScheduler({ fetchBatch: upstream.fetchBatch, cadenceStretchFor: () => POLL_CADENCE.pushed.stretch });
    const key = makeKey("bolna", "finished-batch");
    const stop = keepReading(scheduler, () => [key], 1_000);
    await vi.advanceTimersByTimeAsync(POLL_CADENCE.settling.bolna.everyMs * 3 + 500);
    expect((await scheduler.read(key)).intervalMs).toBe(POLL_CADENCE.settling.bolna.everyMs);
    expect(upstream.callTimes(key)).toHaveLength(4);
    stop();
  });
});
