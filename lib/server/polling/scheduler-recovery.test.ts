import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { BatchSnapshot, BatchState } from "@/lib/batch-snapshot";
import { createPollScheduler } from "./scheduler";
import { POLL_CADENCE } from "./settings";
import { createFakeUpstream, keepReading, makeKey, makeSnapshot, maxCallsInAnyWindow, serverError, START } from "./test-support";
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
const { recoveryMs } = POLL_CADENCE;
const OUTAGE_AT = START + 10_000;

/** A batch that runs until `endsAt`, then stays completed with the provider's end time on it. */
function endingAt(endsAt: number) {
  return (key: PollKey): BatchSnapshot => {
    const state: BatchState = Date.now() < endsAt ? "running" : "completed";
    const snapshot = makeSnapshot(key, state, state === "running" ? 50 : 100);
    return state === "running" ? snapshot : { ...snapshot, updatedAt: new Date(endsAt).toISOString() };
  };
}

/** Runs the provider through an outage from OUTAGE_AT, `outageMs` long, and returns when it answered again. */
async function outage(upstream: ReturnType<typeof createFakeUpstream>, healthy: (key: PollKey) => BatchSnapshot, outageMs: number) {
  await vi.advanceTimersByTimeAsync(OUTAGE_AT - Date.now());
  upstream.answerWith(serverError);
  await vi.advanceTimersByTimeAsync(outageMs);
  upstream.answerWith(healthy);
  return Date.now();
}

describe("poll scheduler recovery after an outage", () => {
  it.each([
    ["30 s", 30_000],
    ["3 min", 3 * 60_000],
    ["30 min", 30 * 60_000],
  ])("notices the provider within 15 s after a %s outage, calling it at most every 8 s while down", async (_, outageMs) => {
    const running = (key: PollKey) => makeSnapshot(key, "running", 10);
    const upstream = createFakeUpstream(running, LATENCY);
    scheduler = createPollScheduler({ fetchBatch: upstream.fetchBatch });
    const keys = [makeKey("bolna", "a"), makeKey("bolna", "b"), makeKey("bolna", "c")];
    keepReading(scheduler, () => keys, 1_000);

    const backAt = await outage(upstream, running, outageMs);
    const whileDown = upstream.calls.map((call) => call.at).filter((at) => at >= OUTAGE_AT && at < backAt);
    // Three batches would make 90 calls a minute at their pace; the open breaker lets one probe through at a time.
    expect(maxCallsInAnyWindow(whileDown.filter((at) => at >= OUTAGE_AT + 30_000))).toBeLessThanOrEqual(60_000 / 8_000 + 1);
    const stale = await scheduler.read(keys[0]!);
    expect(stale).toMatchObject({ snapshot: { stale: true }, error: { code: "provider_error" } });

    await vi.advanceTimersByTimeAsync(recoveryMs);
    // The next probe is at most the retry cap away; every page then has a poll's time to show it.
    const firstAnswered = upstream.calls.find((call) => call.at >= backAt)!.at + LATENCY;
    expect(firstAnswered - backAt).toBeLessThanOrEqual(POLL_CADENCE.breaker.halfOpenMaxMs + LATENCY);
    for (const key of keys) {
      const entry = await scheduler.read(key);
      expect(entry, key.batchId).toMatchObject({ snapshot: { stale: false }, error: null });
      expect(entry.fetchedAt! - backAt, key.batchId).toBeLessThanOrEqual(recoveryMs);
    }
  });

  it("notices it within one poll interval when a shared budget makes the interval longer than 15 s", async () => {
    const running = (key: PollKey) => makeSnapshot(key, "running", 10);
    const upstream = createFakeUpstream(running, LATENCY);
    scheduler = createPollScheduler({ fetchBatch: upstream.fetchBatch });
    // Migma's 10 calls a minute over five running batches: each is polled every 30 s.
    const keys = ["a", "b", "c", "d", "e"].map((id) => makeKey("migma", id));
    keepReading(scheduler, () => keys, 1_000);

    const backAt = await outage(upstream, running, 3 * 60_000);
    const { intervalMs } = await scheduler.read(keys[0]!);
    expect(intervalMs).toBe(30_000);
    await vi.advanceTimersByTimeAsync(intervalMs + LATENCY);
    for (const key of keys) expect((await scheduler.read(key)).fetchedAt! - backAt, key.batchId).toBeLessThanOrEqual(intervalMs + LATENCY);
  });

  it("shows a batch that finished early in a 3-minute outage fresh and final within 15 s, and never calls it again", async () => {
    const healthy = endingAt(OUTAGE_AT + 20_000);
    const upstream = createFakeUpstream(healthy, LATENCY);
    scheduler = createPollScheduler({ fetchBatch: upstream.fetchBatch });
    const key = makeKey("migma", "sim-until");
    keepReading(scheduler, () => [key], 1_000);

    const backAt = await outage(upstream, healthy, 3 * 60_000);
    await vi.advanceTimersByTimeAsync(recoveryMs);
    // The provider says the batch ended 160 s ago: longer than Migma's whole tail, so no tail is due.
    expect(await scheduler.read(key)).toMatchObject({
      snapshot: { state: "completed", stale: false },
      error: null,
      final: true,
      nextPollAt: null,
    });
    const calls = upstream.callTimes(key).length;
    await vi.advanceTimersByTimeAsync(10 * 60_000);
    expect(upstream.callTimes(key)).toHaveLength(calls);
    expect(upstream.callTimes(key).filter((at) => at >= backAt)).toHaveLength(1);
  });

  it("shows a batch that finished in a 30-s outage fresh within 15 s, then final after its tail, never with an error", async () => {
    const healthy = endingAt(OUTAGE_AT + 10_000);
    const upstream = createFakeUpstream(healthy, LATENCY);
    scheduler = createPollScheduler({ fetchBatch: upstream.fetchBatch });
    const key = makeKey("migma", "sim-until");
    keepReading(scheduler, () => [key], 1_000);

    const backAt = await outage(upstream, healthy, 30_000);
    await vi.advanceTimersByTimeAsync(recoveryMs);
    expect(await scheduler.read(key)).toMatchObject({ snapshot: { state: "completed", stale: false }, error: null, final: false });

    const { everyMs, polls } = POLL_CADENCE.settling.migma;
    await vi.advanceTimersByTimeAsync(everyMs * polls);
    expect(await scheduler.read(key)).toMatchObject({ snapshot: { stale: false }, error: null, final: true, nextPollAt: null });
    const calls = upstream.callTimes(key).length;
    expect(upstream.callTimes(key).filter((at) => at >= backAt).length).toBeLessThanOrEqual(1 + polls);
    await vi.advanceTimersByTimeAsync(10 * 60_000);
    expect(upstream.callTimes(key)).toHaveLength(calls);
  });

  it("retries a settling batch that failed during the outage as soon as the provider answers, not at its 30 s cadence", async () => {
    // Completed just before the outage (its tail polls are 30 s apart), next to a running batch.
    const completed = (key: PollKey) => ({ ...makeSnapshot(key, "completed", 100), updatedAt: new Date(OUTAGE_AT - 5_000).toISOString() });
    const healthy = (key: PollKey) => (key.batchId === "done" ? completed(key) : makeSnapshot(key, "running", 10));
    const upstream = createFakeUpstream(healthy, LATENCY);
    scheduler = createPollScheduler({ fetchBatch: upstream.fetchBatch });
    const done = makeKey("migma", "done");
    keepReading(scheduler, () => [done, makeKey("migma", "sending")], 1_000);

    const backAt = await outage(upstream, healthy, 3 * 60_000);
    expect((await scheduler.read(done)).snapshot?.stale).toBe(true);
    await vi.advanceTimersByTimeAsync(POLL_CADENCE.breaker.halfOpenMaxMs + 2 * LATENCY);
    expect(await scheduler.read(done)).toMatchObject({ snapshot: { stale: false }, error: null });
    expect(upstream.callTimes(done).filter((at) => at >= backAt)).toHaveLength(1);
  });

  it("never makes a snapshot final while its tail polls fail: the first answer afterwards does", async () => {
    // Completed just now, so the tail is due in full; the provider goes down during it.
    const completed = (key: PollKey) => ({ ...makeSnapshot(key, "completed", 100), updatedAt: new Date(OUTAGE_AT - 5_000).toISOString() });
    const upstream = createFakeUpstream(completed, LATENCY);
    scheduler = createPollScheduler({ fetchBatch: upstream.fetchBatch });
    const key = makeKey("migma", "sim-completed");
    keepReading(scheduler, () => [key], 1_000);

    await vi.advanceTimersByTimeAsync(OUTAGE_AT - Date.now());
    upstream.answerWith(serverError);
    await vi.advanceTimersByTimeAsync(5 * 60_000);
    // Every tail poll failed: the last good numbers stay, marked stale, and polling goes on.
    expect(await scheduler.read(key)).toMatchObject({ snapshot: { stale: true }, error: { code: "provider_error" }, final: false });
    expect(upstream.callTimes(key).length).toBeGreaterThan(1 + POLL_CADENCE.settling.migma.polls);

    upstream.answerWith(completed);
    const backAt = Date.now();
    // Its tail interval (30 s) is longer than 15 s, so that is the time it is allowed.
    await vi.advanceTimersByTimeAsync(Math.max(recoveryMs, POLL_CADENCE.settling.migma.everyMs) + LATENCY);
    expect(await scheduler.read(key)).toMatchObject({ snapshot: { stale: false }, error: null, final: true });
    expect(upstream.callTimes(key).filter((at) => at >= backAt)).toHaveLength(1);
  });
});
