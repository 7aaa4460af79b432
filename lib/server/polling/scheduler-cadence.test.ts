import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { BatchState } from "@/lib/batch-snapshot";
import { createPollScheduler } from "./scheduler";
import { POLL_CADENCE } from "./settings";
import { createFakeUpstream, keepReading, makeKey, makeSnapshot, readWhileAdvancing, START } from "./test-support";
import type { PollEntry, PollKey, PollScheduler } from "./types";

let scheduler: PollScheduler;

beforeEach(() => {
  vi.useFakeTimers();
  vi.setSystemTime(START);
});

afterEach(() => {
  scheduler.stop();
  vi.useRealTimers();
});

const gapsOf = (times: readonly number[]) => times.slice(1).map((at, index) => at - times[index]!);
const stateAt = (schedule: (elapsedMs: number) => BatchState) => (key: PollKey) => makeSnapshot(key, schedule(Date.now() - START));

describe("poll scheduler cadence", () => {
  it("50 viewers reading one running batch every 200 ms for 10 s cost no more calls than the 2 s cadence", async () => {
    const upstream = createFakeUpstream((key) => makeSnapshot(key, "running", Math.floor((Date.now() - START) / 100)));
    scheduler = createPollScheduler({ fetchBatch: upstream.fetchBatch });
    const key = makeKey("mindo", "00000000-0000-4000-8000-000000000002");
    const seen: PollEntry[] = [];
    const viewers = Array.from({ length: 50 }, (_, viewer) =>
      setTimeout(() => keepReading(scheduler, () => [key], 200), viewer * 3),
    );

    await vi.advanceTimersByTimeAsync(150);
    seen.push(await scheduler.read(key));
    await vi.advanceTimersByTimeAsync(10_000 - 150);
    viewers.forEach(clearTimeout);

    const times = upstream.callTimes(key);
    expect(times.length).toBeLessThanOrEqual(1 + 10_000 / POLL_CADENCE.runningMs);
    expect(times.length).toBeGreaterThanOrEqual(5);
    expect(Math.min(...gapsOf(times))).toBeGreaterThanOrEqual(POLL_CADENCE.runningMs);
    // Every first reader waited for the one shared first call.
    expect(seen[0]).toMatchObject({ fetchedAt: START + 100, nextPollAt: START + 2_000, intervalMs: 2_000 });
  });

  it("a first read gives up with snapshot_pending after firstSnapshotWaitMs; the call goes on and later reads get it", async () => {
    const upstream = createFakeUpstream((key) => makeSnapshot(key, "running", 7), 5_000);
    scheduler = createPollScheduler({ fetchBatch: upstream.fetchBatch, firstSnapshotWaitMs: 3_000 });
    const key = makeKey("bolna", "slow-first-call");
    const first = scheduler.read(key);
    const outcome = first.then(() => "answered", (error: unknown) => error);
    await vi.advanceTimersByTimeAsync(2_999);
    await vi.advanceTimersByTimeAsync(1);
    expect(await outcome).toMatchObject({ code: "snapshot_pending", status: 503 });

    await vi.advanceTimersByTimeAsync(2_000);
    expect(await scheduler.read(key)).toMatchObject({ snapshot: { processed: 7 }, fetchedAt: START + 5_000 });
    // Giving up on the wait did not start a second call while the first was out.
    expect(upstream.callTimes(key).filter((at) => at < START + 5_000)).toEqual([START]);
  });

  it("a completed Migma batch read 500 times costs its first call plus a 2-poll tail, then is final", async () => {
    const upstream = createFakeUpstream((key) => makeSnapshot(key, "completed", 100));
    scheduler = createPollScheduler({ fetchBatch: upstream.fetchBatch });
    const key = makeKey("migma", "sim-completed");
    let last: PollEntry | null = null;
    for (let read = 0; read < 500; read += 1) last = await readWhileAdvancing(scheduler, key, 2_000);

    expect(upstream.calls.length).toBe(1 + POLL_CADENCE.settling.migma.polls);
    expect(gapsOf(upstream.callTimes(key))).toEqual([30_000, 30_000]);
    expect(last).toMatchObject({ final: true, nextPollAt: null, error: null });
  });

  it("a completed Mindo batch keeps a 10-minute tail every 30 s for delivered/read counts", async () => {
    const upstream = createFakeUpstream((key) => makeSnapshot(key, "completed", 100));
    scheduler = createPollScheduler({ fetchBatch: upstream.fetchBatch });
    const key = makeKey("mindo", "00000000-0000-4000-8000-000000000003");
    for (let read = 0; read < 500; read += 1) await readWhileAdvancing(scheduler, key, 2_000);

    const times = upstream.callTimes(key);
    expect(times.length).toBe(21);
    expect(times.at(-1)! - times[0]!).toBe(10 * 60_000);
  });

  it("ends Bolna's settling tail after 15 polls 20 s apart and never calls again while watched", async () => {
    const upstream = createFakeUpstream(stateAt((elapsed) => (elapsed < 10_000 ? "running" : "completed")));
    scheduler = createPollScheduler({ fetchBatch: upstream.fetchBatch });
    const key = makeKey("bolna", "00000000000000000000000000000017");
    keepReading(scheduler, () => [key], 1_000);

    await vi.advanceTimersByTimeAsync(30 * 60_000);

    const times = upstream.callTimes(key);
    const firstTerminal = times.find((at) => at - START >= 10_000)!;
    const tail = times.filter((at) => at > firstTerminal);
    expect(times.filter((at) => at < firstTerminal)).toHaveLength(5);
    expect(tail).toHaveLength(POLL_CADENCE.settling.bolna.polls);
    expect(new Set(gapsOf([firstTerminal, ...tail]))).toEqual(new Set([20_000]));
    expect(tail.at(-1)! - START).toBeLessThan(6 * 60_000);
    expect((await scheduler.read(key)).final).toBe(true);
  });

  it("polls queued batches every 10 s and speeds up once they run", async () => {
    const upstream = createFakeUpstream(stateAt((elapsed) => (elapsed < 30_000 ? "queued" : "running")));
    scheduler = createPollScheduler({ fetchBatch: upstream.fetchBatch });
    const key = makeKey("migma", "sim-queued");
    keepReading(scheduler, () => [key], 1_000);

    await vi.advanceTimersByTimeAsync(41_000);

    // Migma's 10 calls a minute stretch "running" from 2 s to 6 s.
    expect(upstream.callTimes(key).map((at) => at - START)).toEqual([0, 10_000, 20_000, 30_000, 36_000]);
  });

  it("hands every successful snapshot to onSnapshot, and a throwing hook does not stop polling", async () => {
    const upstream = createFakeUpstream((key) => makeSnapshot(key, "running", upstream.calls.length));
    const stored: number[] = [];
    const onSnapshot = vi.fn((_key: PollKey, snapshot: { processed: number }) => {
      stored.push(snapshot.processed);
      throw new Error("database is down");
    });
    scheduler = createPollScheduler({ fetchBatch: upstream.fetchBatch, onSnapshot });
    const key = makeKey("bolna", "00000000000000000000000000000002");
    keepReading(scheduler, () => [key], 1_000);

    await vi.advanceTimersByTimeAsync(9_000);

    expect(stored).toEqual([1, 2, 3, 4, 5]);
    expect(onSnapshot.mock.calls.every(([calledWith]) => calledWith === key)).toBe(true);
  });

  it("stops polling a batch nobody reads for a minute, resumes when read, and evicts it later", async () => {
    const upstream = createFakeUpstream((key) => makeSnapshot(key, "running", 5));
    scheduler = createPollScheduler({ fetchBatch: upstream.fetchBatch, evictAfterMs: 15 * 60_000 });
    const key = makeKey("mindo", "00000000-0000-4000-8000-000000000002");
    await readWhileAdvancing(scheduler, key, 10 * 60_000);
    const times = upstream.callTimes(key);
    expect(times).toHaveLength(30);
    expect(times.at(-1)! - START).toBe(58_000);

    // The waking read waits for the call it starts, so it gets fresh numbers rather than a minute-old copy.
    const resumedAt = Date.now();
    const resumed = await readWhileAdvancing(scheduler, key, 100);
    expect(resumed).toMatchObject({ snapshot: { processed: 5 }, fetchedAt: resumedAt + 100 });
    expect(upstream.callTimes(key)).toHaveLength(31);

    await vi.advanceTimersByTimeAsync(16 * 60_000);
    expect(upstream.callTimes(key)).toHaveLength(60);
    expect(scheduler.size()).toBe(1);
    await readWhileAdvancing(scheduler, makeKey("mindo", "another"), 100);
    expect(scheduler.size()).toBe(1);
  });
});
