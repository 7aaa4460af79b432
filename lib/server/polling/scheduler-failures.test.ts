import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { AppError } from "@/lib/errors";
import { createPollScheduler } from "./scheduler";
import { POLL_CADENCE } from "./settings";
import { createFakeUpstream, keepReading, makeKey, makeSnapshot, readWhileAdvancing, serverError, START } from "./test-support";
import type { PollKey, PollScheduler } from "./types";

let scheduler: PollScheduler;

beforeEach(() => {
  vi.useFakeTimers();
  vi.setSystemTime(START);
});

afterEach(() => {
  scheduler.stop();
  vi.useRealTimers();
});

const LATENCY = 100;
const running = (key: PollKey) => makeSnapshot(key, "running", Math.floor((Date.now() - START) / 1_000));

describe("poll scheduler failures", () => {
  it("tells onFailure of every failed call it makes (alerts: a batch going stale), and onSnapshot of the next success", async () => {
    const upstream = createFakeUpstream(running, LATENCY);
    const failures: string[] = [];
    const snapshots: string[] = [];
    scheduler = createPollScheduler({
      fetchBatch: upstream.fetchBatch,
      onFailure: (key, error) => failures.push(`${key.batchId} ${error.code}`),
      onSnapshot: (key) => snapshots.push(key.batchId),
    });
    const key = makeKey("bolna", "a");
    keepReading(scheduler, () => [key], 500);
    await vi.advanceTimersByTimeAsync(1_000);
    upstream.answerWith(serverError);
    const before = snapshots.length;
    await vi.advanceTimersByTimeAsync(5_000);
    expect(failures.length).toBeGreaterThanOrEqual(1);
    expect(new Set(failures)).toEqual(new Set(["a provider_error"]));
    expect(snapshots.length).toBe(before);
    upstream.answerWith(running);
    await vi.advanceTimersByTimeAsync(30_000);
    expect(snapshots.length).toBeGreaterThan(before);
  });

  it("makes no call on a connection for 5 s after a 429 with Retry-After 5, then calls at once", async () => {
    const upstream = createFakeUpstream(running, LATENCY);
    scheduler = createPollScheduler({ fetchBatch: upstream.fetchBatch });
    const keys = [makeKey("bolna", "a"), makeKey("bolna", "b"), makeKey("bolna", "c")];
    keepReading(scheduler, () => keys, 500);
    await vi.advanceTimersByTimeAsync(3_000);

    upstream.answerWith(() => new AppError("provider_rate_limited", "Slow down.", { retryAfterSeconds: 5 }));
    const limitedCall = upstream.calls.length;
    await vi.advanceTimersByTimeAsync(2_000);
    upstream.answerWith(running);
    await vi.advanceTimersByTimeAsync(10_000);

    const answeredAt = upstream.calls[limitedCall]!.at + LATENCY;
    const callsAfter = upstream.calls.slice(limitedCall).map((call) => call.at);
    // The other batches' calls already in flight when the 429 arrived are the only ones before it.
    expect(callsAfter.filter((at) => at > answeredAt && at < answeredAt + 5_000)).toEqual([]);
    expect(callsAfter.filter((at) => at === answeredAt + 5_000)).toHaveLength(3);
  });

  it("rejects a new batch's first read at once while its connection is rate limited", async () => {
    const upstream = createFakeUpstream(() => new AppError("provider_rate_limited", "Slow down.", { retryAfterSeconds: 30 }), LATENCY);
    scheduler = createPollScheduler({ fetchBatch: upstream.fetchBatch });
    await expect(readWhileAdvancing(scheduler, makeKey("migma", "sim-fault-429"), LATENCY)).rejects.toMatchObject({ code: "provider_rate_limited" });

    await expect(scheduler.read(makeKey("migma", "sim-other"))).rejects.toMatchObject({ code: "provider_rate_limited" });
    expect(upstream.calls).toHaveLength(1);
  });

  it("opens the breaker after 5 consecutive 5xx, calls nothing while open, probes once, and closes on success", async () => {
    const upstream = createFakeUpstream(running, LATENCY);
    scheduler = createPollScheduler({ fetchBatch: upstream.fetchBatch });
    const keys = [makeKey("bolna", "a"), makeKey("bolna", "b"), makeKey("bolna", "c")];
    keepReading(scheduler, () => keys, 500);
    await vi.advanceTimersByTimeAsync(1_000);

    upstream.answerWith(serverError);
    const firstFailing = upstream.calls.length;
    await vi.advanceTimersByTimeAsync(40_000);

    const { consecutiveFailures, halfOpenInitialMs, halfOpenMaxMs } = POLL_CADENCE.breaker;
    const failing = upstream.calls.slice(firstFailing).map((call) => call.at);
    const openedAt = failing[consecutiveFailures - 1]! + LATENCY;
    // Calls already out when the fifth failure came back are not probes.
    const probes = failing.filter((at) => at >= openedAt);
    // One probe at a time, each after a jittered delay that doubles up to the cap: [4 s, 5 s), [8 s, 10 s), [8 s, 10 s).
    const waits = [probes[0]! - openedAt, ...probes.slice(1).map((at, index) => at - (probes[index]! + LATENCY))];
    expect(waits.length).toBeGreaterThanOrEqual(3);
    waits.slice(0, 3).forEach((wait, attempt) => {
      const delay = Math.min(halfOpenInitialMs * 2 ** attempt, halfOpenMaxMs);
      expect(wait).toBeGreaterThanOrEqual(delay * 0.8);
      expect(wait).toBeLessThan(delay + POLL_CADENCE.runningMs);
    });

    upstream.answerWith(running);
    const recoveryFrom = upstream.calls.length;
    await vi.advanceTimersByTimeAsync(150_000);
    const recovery = upstream.calls.slice(recoveryFrom);
    const probeAnsweredAt = recovery[0]!.at + LATENCY;
    expect(recovery.filter((call) => call.at < probeAnsweredAt)).toHaveLength(1);
    // Closed again: every batch back at its 2 s cadence.
    for (const key of keys) {
      const next = upstream.callTimes(key).filter((at) => at > probeAnsweredAt + 2_100 && at <= probeAnsweredAt + 32_100);
      expect(next).toHaveLength(15);
    }
    expect((await scheduler.read(keys[0]!)).error).toBeNull();
  });

  it("tells readers the open breaker's probe time as nextPollAt, and probes exactly then", async () => {
    const upstream = createFakeUpstream(running, LATENCY);
    scheduler = createPollScheduler({ fetchBatch: upstream.fetchBatch });
    const key = makeKey("sendgrid", "sim-paused");
    const { consecutiveFailures, halfOpenInitialMs } = POLL_CADENCE.breaker;
    await readWhileAdvancing(scheduler, key, LATENCY);
    upstream.answerWith(serverError);
    keepReading(scheduler, () => [key], 1_000);
    while (upstream.calls.length < consecutiveFailures + 1) await vi.advanceTimersByTimeAsync(100);
    await vi.advanceTimersByTimeAsync(LATENCY);

    const openedAt = upstream.calls[consecutiveFailures]!.at + LATENCY;
    const { nextPollAt } = await scheduler.read(key);
    expect(nextPollAt! - openedAt).toBeGreaterThanOrEqual(halfOpenInitialMs * 0.8);
    expect(nextPollAt! - openedAt).toBeLessThan(halfOpenInitialMs);
    await vi.advanceTimersByTimeAsync(halfOpenInitialMs);
    expect(upstream.calls.slice(consecutiveFailures + 1).map((call) => call.at)).toEqual([nextPollAt]);
  });

  it("keeps the last good numbers, marked stale with the error and its time, until a call succeeds", async () => {
    const upstream = createFakeUpstream((key) => makeSnapshot(key, "running", 42), LATENCY);
    scheduler = createPollScheduler({ fetchBatch: upstream.fetchBatch });
    const key = makeKey("mindo", "00000000-0000-4000-8000-000000000002");
    const good = await readWhileAdvancing(scheduler, key, 1_000);
    expect(good).toMatchObject({ snapshot: { processed: 42, stale: false }, error: null, fetchedAt: START + LATENCY });

    upstream.answerWith(serverError);
    const stale = await readWhileAdvancing(scheduler, key, 2_000);
    const staleAgain = await scheduler.read(key);
    expect(staleAgain).toMatchObject({
      snapshot: { processed: 42, stale: true },
      error: { code: "provider_error", at: START + 2_000 + LATENCY },
      fetchedAt: START + LATENCY,
    });
    expect(stale.snapshot?.stale).toBe(false);

    upstream.answerWith((batch) => makeSnapshot(batch, "running", 50));
    await vi.advanceTimersByTimeAsync(10_000);
    expect(await scheduler.read(key)).toMatchObject({ snapshot: { processed: 50, stale: false }, error: null });
  });

  it("rejects every first reader with the one shared 502-type failure when there was never a snapshot", async () => {
    const upstream = createFakeUpstream(serverError, LATENCY);
    scheduler = createPollScheduler({ fetchBatch: upstream.fetchBatch });
    const key = makeKey("migma", "sim-fault-500");
    const readers = Array.from({ length: 10 }, () => scheduler.read(key));
    readers.forEach((reader) => reader.catch(() => undefined));
    await vi.advanceTimersByTimeAsync(LATENCY);

    for (const reader of readers) await expect(reader).rejects.toMatchObject({ code: "provider_error", status: 502 });
    expect(upstream.calls).toHaveLength(1);
  });

  it("propagates not_found without a snapshot and asks again only after a minute", async () => {
    const upstream = createFakeUpstream(() => new AppError("not_found", "No such batch."), LATENCY);
    scheduler = createPollScheduler({ fetchBatch: upstream.fetchBatch });
    const key = makeKey("bolna", "0000000000000000000000000000ffff");
    await expect(readWhileAdvancing(scheduler, key, LATENCY)).rejects.toBeInstanceOf(AppError);
    keepReading(scheduler, () => [key], 1_000);

    await vi.advanceTimersByTimeAsync(3 * 60_000);

    const times = upstream.callTimes(key);
    expect(times.length).toBeGreaterThanOrEqual(2);
    expect(Math.min(...times.slice(1).map((at, index) => at - times[index]!))).toBeGreaterThanOrEqual(POLL_CADENCE.permanentErrorMs);
    await expect(scheduler.read(key)).rejects.toMatchObject({ code: "not_found" });
  });

  it("backs off one failing batch exponentially up to the retry cap while the others on its connection stay on cadence", async () => {
    const broken = makeKey("bolna", "broken");
    const healthy = makeKey("bolna", "healthy");
    const upstream = createFakeUpstream(running, LATENCY);
    scheduler = createPollScheduler({ fetchBatch: upstream.fetchBatch });
    keepReading(scheduler, () => [broken, healthy], 1_000);
    await vi.advanceTimersByTimeAsync(5_000);

    upstream.answerWith((key) => (key.batchId === "broken" ? new AppError("provider_bad_response", "Unreadable.") : running(key)));
    const from = START + 5_000;
    await vi.advanceTimersByTimeAsync(120_000);

    expect(upstream.callTimes(healthy).filter((at) => at >= from)).toHaveLength(60);
    const failing = upstream.callTimes(broken).filter((at) => at >= from);
    const gaps = failing.slice(1).map((at, index) => at - failing[index]! - LATENCY);
    const { initialMs, maxMs } = POLL_CADENCE.batchBackoff;
    // Jittered doubling, [1.6 s, 2 s), [3.2 s, 4 s), [6.4 s, 8 s), then [8 s, 10 s) for as long as it fails.
    gaps.forEach((gap, attempt) => {
      const delay = Math.min(initialMs * 2 ** attempt, maxMs);
      expect(gap).toBeGreaterThanOrEqual(delay * 0.8);
      expect(gap).toBeLessThan(delay);
    });
    expect(failing.length).toBeLessThanOrEqual(3 + Math.ceil(120_000 / (maxMs * 0.8)));
    expect((await scheduler.read(broken)).snapshot?.stale).toBe(true);
  });

  it("stop() aborts calls in flight, clears every timer and rejects readers still waiting", async () => {
    const upstream = createFakeUpstream(running, LATENCY);
    scheduler = createPollScheduler({ fetchBatch: upstream.fetchBatch });
    await readWhileAdvancing(scheduler, makeKey("mindo", "x"), 1_000);
    await readWhileAdvancing(scheduler, makeKey("bolna", "z"), 1_050);
    const waiting = scheduler.read(makeKey("mindo", "w"));
    waiting.catch(() => undefined);
    // x's second call and w's first are in flight, z waits on the Bolna connection's timer.
    expect(upstream.calls.map((call) => [call.id, call.at - START])).toEqual([
      ["conn-1:mindo:x", 0],
      ["conn-1:bolna:z", 1_000],
      ["conn-1:mindo:x", 2_000],
      ["conn-1:mindo:w", 2_050],
    ]);
    expect(vi.getTimerCount()).toBe(3);

    scheduler.stop();

    await expect(waiting).rejects.toMatchObject({ code: "internal" });
    await expect(scheduler.read(makeKey("mindo", "x"))).rejects.toMatchObject({ code: "internal" });
    expect(vi.getTimerCount()).toBe(0);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(upstream.calls).toHaveLength(4);
  });
});
