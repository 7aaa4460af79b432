import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { AppError } from "@/lib/errors";
import { createPollScheduler } from "./scheduler";
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

const running = (key: PollKey) => makeSnapshot(key, "running", 10);
const lane = { connectionId: "conn-1", provider: "mindo" } as const;

/** Tries an on-demand call every `everyMs`; returns the times of those that ran and of those refused. */
function burstOfListCalls(target: { connectionId: string; provider: PollKey["provider"] }, everyMs: number) {
  const ran: number[] = [];
  const refused: AppError[] = [];
  const timer = setInterval(() => {
    scheduler.runOnDemand(target, 1, async () => ran.push(Date.now())).catch((error: AppError) => refused.push(error));
  }, everyMs);
  return { ran, refused, stop: () => clearInterval(timer) };
}

async function pollTimesOverFiveMinutes(withBurst: boolean) {
  const upstream = createFakeUpstream(running);
  scheduler = createPollScheduler({ fetchBatch: upstream.fetchBatch });
  // One running batch at 2 s: 30 of Mindo's 60 a minute, within the 42 polls keep.
  const keys = [makeKey("mindo", "batch-a")];
  const stopReading = keepReading(scheduler, () => keys, 2_000);
  const burst = withBurst ? burstOfListCalls(lane, 100) : null;
  await vi.advanceTimersByTimeAsync(5 * 60_000);
  stopReading();
  burst?.stop();
  const times = keys.map((key) => upstream.callTimes(key));
  scheduler.stop();
  vi.setSystemTime(START);
  return { times, burst };
}

describe("the on-demand lane", () => {
  it("a burst of list calls does not delay status polls: the same poll times with and without it", async () => {
    const quiet = await pollTimesOverFiveMinutes(false);
    const busy = await pollTimesOverFiveMinutes(true);

    expect(busy.times).toEqual(quiet.times);
    const ran = busy.burst!.ran;
    expect(ran.length).toBeGreaterThan(0);
    expect(maxCallsInAnyWindow(ran)).toBeLessThanOrEqual(18);
    expect(busy.burst!.refused.every((error) => error.code === "provider_busy")).toBe(true);
  });

  it("keeps the reserve when polls need the whole budget: on-demand calls get at most 30 %, polls the rest", async () => {
    const upstream = createFakeUpstream(running);
    scheduler = createPollScheduler({ fetchBatch: upstream.fetchBatch });
    const keys = Array.from({ length: 30 }, (_, index) => makeKey("migma", `sim-running-${index}`));
    keepReading(scheduler, () => keys, 5_000);
    const burst = burstOfListCalls({ connectionId: "conn-1", provider: "migma" }, 1_000);

    await vi.advanceTimersByTimeAsync(20 * 60_000);
    burst.stop();

    const polls = upstream.calls.map((call) => call.at);
    expect(maxCallsInAnyWindow([...polls, ...burst.ran])).toBe(10);
    expect(maxCallsInAnyWindow(burst.ran)).toBe(3);
    // Polls keep 7 of every minute's 10 however hard the lists push.
    expect(polls.length).toBeGreaterThanOrEqual(7 * 20 - 1);
  });

  it("refuses at once with provider_busy and the seconds until the share frees up, without running the call", async () => {
    scheduler = createPollScheduler({ fetchBatch: createFakeUpstream(running).fetchBatch });
    for (let index = 0; index < 18; index += 1) {
      await scheduler.runOnDemand(lane, 1, async () => index);
      await vi.advanceTimersByTimeAsync(1_000);
    }
    const run = vi.fn(async () => "listed");
    // No timer moves: the refusal never waits.
    const refusal = await scheduler.runOnDemand(lane, 1, run).catch((error: AppError) => error);
    expect(run).not.toHaveBeenCalled();
    expect(refusal).toMatchObject({ code: "provider_busy", status: 503, retryAfterSeconds: 42 });
    expect((refusal as AppError).message).toContain("try again in 42 s");

    await vi.advanceTimersByTimeAsync(42_000);
    await expect(scheduler.runOnDemand(lane, 1, run)).resolves.toBe("listed");
  });

  it("a share of at least one request, and nothing larger than the share ever runs", async () => {
    scheduler = createPollScheduler({ fetchBatch: createFakeUpstream(running).fetchBatch, budgetFor: () => 3 });
    await expect(scheduler.runOnDemand(lane, 1, async () => "first")).resolves.toBe("first");
    await expect(scheduler.runOnDemand(lane, 1, async () => "second")).rejects.toMatchObject({ code: "provider_busy" });
    await vi.advanceTimersByTimeAsync(60_000);
    await expect(scheduler.runOnDemand(lane, 2, async () => "too big")).rejects.toMatchObject({ code: "provider_busy" });
  });

  it("a 429 heard by a list call holds the lane's polls for its Retry-After, and refuses lists meanwhile", async () => {
    const upstream = createFakeUpstream(running);
    scheduler = createPollScheduler({ fetchBatch: upstream.fetchBatch });
    const key = makeKey("mindo", "batch-a");
    keepReading(scheduler, () => [key], 2_000);
    await vi.advanceTimersByTimeAsync(10_000);

    const limited = new AppError("provider_rate_limited", "Mindo is rate limiting us.", { retryAfterSeconds: 20 });
    await expect(scheduler.runOnDemand(lane, 1, () => Promise.reject(limited))).rejects.toBe(limited);
    const heldFrom = Date.now();
    await expect(scheduler.runOnDemand(lane, 1, async () => "listed")).rejects.toMatchObject({ code: "provider_busy", retryAfterSeconds: 20 });
    await vi.advanceTimersByTimeAsync(30_000);

    const during = upstream.callTimes(key).filter((at) => at > heldFrom && at < heldFrom + 20_000);
    expect(during).toEqual([]);
    expect(upstream.callTimes(key).some((at) => at >= heldFrom + 20_000)).toBe(true);
  });

  it("an open breaker refuses list calls while it waits", async () => {
    const upstream = createFakeUpstream(() => serverError(), 10);
    scheduler = createPollScheduler({ fetchBatch: upstream.fetchBatch });
    keepReading(scheduler, () => [makeKey("mindo", "batch-a"), makeKey("mindo", "batch-b")], 1_000);
    await vi.advanceTimersByTimeAsync(30_000);

    const run = vi.fn(async () => "listed");
    await expect(scheduler.runOnDemand(lane, 1, run)).rejects.toMatchObject({ code: "provider_busy" });
    expect(run).not.toHaveBeenCalled();
  });

  it("lets a list call be the probe once the breaker's wait is over, when no batch is read to make one", async () => {
    const upstream = createFakeUpstream(() => serverError(), 10);
    scheduler = createPollScheduler({ fetchBatch: upstream.fetchBatch });
    const stopReading = keepReading(scheduler, () => [makeKey("mindo", "batch-a"), makeKey("mindo", "batch-b")], 1_000);
    await vi.advanceTimersByTimeAsync(30_000);
    // The outage ends with nobody reading the connection's batches any more: no poll will probe.
    stopReading();
    await vi.advanceTimersByTimeAsync(5 * 60_000);
    const polledUntil = upstream.calls.length;

    const run = vi.fn(async () => "listed");
    await expect(scheduler.runOnDemand(lane, 1, run)).resolves.toBe("listed");
    await expect(scheduler.runOnDemand(lane, 1, run)).resolves.toBe("listed");
    expect(run).toHaveBeenCalledTimes(2);
    expect(upstream.calls.length).toBe(polledUntil);
  });
});
