import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { AppError } from "@/lib/errors";
import { createPollScheduler } from "./scheduler";
import { createFakeUpstream, keepReading, makeKey, makeSnapshot, maxCallsInAnyWindow, START } from "./test-support";
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

describe("poll scheduler budget", () => {
  it("never exceeds Migma's 10 calls in any rolling minute with 30 running batches, and says why they refresh slowly", async () => {
    const upstream = createFakeUpstream(running);
    scheduler = createPollScheduler({ fetchBatch: upstream.fetchBatch });
    const keys = Array.from({ length: 30 }, (_, index) => makeKey("migma", `sim-running-${index}`));
    keepReading(scheduler, () => keys, 5_000);

    await vi.advanceTimersByTimeAsync(30 * 60_000);

    const times = upstream.calls.map((call) => call.at);
    expect(maxCallsInAnyWindow(times)).toBe(10);
    // The budget is used, not merely respected: 10 a minute for 30 minutes, give or take the edges.
    expect(times.length).toBeGreaterThanOrEqual(290);
    const entry = await scheduler.read(keys[0]!);
    expect(entry.budget).toEqual({ perMinute: 10, limited: true });
    expect(entry.intervalMs).toBe(180_000);
  });

  it("counts a SendGrid poll as two calls: 150 polls a minute at most with 200 batches", async () => {
    const upstream = createFakeUpstream(running);
    scheduler = createPollScheduler({ fetchBatch: upstream.fetchBatch });
    const keys = Array.from({ length: 200 }, (_, index) => makeKey("sendgrid", `sim-${index}`));
    keepReading(scheduler, () => keys, 10_000);

    await vi.advanceTimersByTimeAsync(10 * 60_000);

    const perWindow = maxCallsInAnyWindow(upstream.calls.map((call) => call.at));
    expect(perWindow * 2).toBeLessThanOrEqual(300);
    expect(perWindow).toBe(150);
    expect((await scheduler.read(keys[0]!)).intervalMs).toBe(80_000);
  });

  it("stays within budget while batches come and go, and separate connections have separate budgets", async () => {
    const upstream = createFakeUpstream(running);
    scheduler = createPollScheduler({ fetchBatch: upstream.fetchBatch, budgetFor: (connectionId) => (connectionId === "pro" ? 20 : 60) });
    const mindo = Array.from({ length: 40 }, (_, index) => makeKey("mindo", `batch-${index}`));
    const pro = Array.from({ length: 12 }, (_, index) => makeKey("mindo", `batch-${index}`, "pro"));
    let watched = 1;
    const grow = setInterval(() => (watched = Math.min(watched + 1, mindo.length)), 3_000);
    keepReading(scheduler, () => mindo.slice(watched > 30 ? 15 : 0, watched), 4_000);
    keepReading(scheduler, () => pro, 4_000);

    await vi.advanceTimersByTimeAsync(15 * 60_000);
    clearInterval(grow);

    const timesOf = (connectionId: string) =>
      upstream.calls.filter((call) => call.id.startsWith(`${connectionId}:`)).map((call) => call.at);
    expect(maxCallsInAnyWindow(timesOf("conn-1"))).toBeLessThanOrEqual(60);
    expect(maxCallsInAnyWindow(timesOf("conn-1"))).toBeGreaterThanOrEqual(55);
    expect(maxCallsInAnyWindow(timesOf("pro"))).toBe(20);
  });

  it("shares the budget fairly: every batch is polled and counts differ by at most one", async () => {
    const upstream = createFakeUpstream(running);
    scheduler = createPollScheduler({ fetchBatch: upstream.fetchBatch });
    const keys = Array.from({ length: 25 }, (_, index) => makeKey("migma", `sim-fair-${index}`));
    keepReading(scheduler, () => keys, 5_000);

    await vi.advanceTimersByTimeAsync(20 * 60_000);

    const counts = keys.map((key) => upstream.callTimes(key).length);
    expect(Math.min(...counts)).toBeGreaterThan(0);
    expect(Math.max(...counts) - Math.min(...counts)).toBeLessThanOrEqual(1);
    expect(counts.reduce((sum, count) => sum + count, 0)).toBeGreaterThanOrEqual(195);
  });

  it("stays fair after a long 429 pause, when every batch is due at once: least recently polled go first", async () => {
    const upstream = createFakeUpstream(running);
    scheduler = createPollScheduler({ fetchBatch: upstream.fetchBatch });
    const keys = Array.from({ length: 12 }, (_, index) => makeKey("migma", `sim-pause-${index}`));
    keepReading(scheduler, () => keys, 5_000);
    const lastCallBefore = (key: PollKey, at: number) => Math.max(...upstream.callTimes(key).filter((time) => time < at));
    for (let pause = 0; pause < 6; pause += 1) {
      await vi.advanceTimersByTimeAsync(100_000);
      const limitedAt = upstream.calls.length;
      upstream.answerWith(() => {
        upstream.answerWith(running);
        return new AppError("provider_rate_limited", "Slow down.", { retryAfterSeconds: 120 });
      });
      await vi.advanceTimersByTimeAsync(200_000);

      const resumedAt = upstream.calls[limitedAt]!.at + 100 + 120_000;
      const first = keys.filter((key) => upstream.callTimes(key).includes(resumedAt));
      const rest = keys.filter((key) => !first.includes(key));
      expect(first.length).toBeGreaterThan(0);
      const newestServed = Math.max(...first.map((key) => lastCallBefore(key, resumedAt)));
      const oldestWaiting = Math.min(...rest.map((key) => lastCallBefore(key, resumedAt)));
      expect(newestServed).toBeLessThanOrEqual(oldestWaiting);
    }

    const counts = keys.map((key) => upstream.callTimes(key).length);
    expect(Math.max(...counts) - Math.min(...counts)).toBeLessThanOrEqual(1);
    expect(maxCallsInAnyWindow(upstream.calls.map((call) => call.at))).toBeLessThanOrEqual(10);
  });

  it("keeps each batch's own cadence when the budget is ample", async () => {
    const upstream = createFakeUpstream(running);
    scheduler = createPollScheduler({ fetchBatch: upstream.fetchBatch });
    const keys = [makeKey("bolna", "a"), makeKey("bolna", "b")];
    keepReading(scheduler, () => keys, 1_000);

    await vi.advanceTimersByTimeAsync(60_000);

    const entry = await scheduler.read(keys[0]!);
    expect(entry).toMatchObject({ intervalMs: 2_000, budget: { perMinute: 300, limited: false } });
    const gaps = upstream.callTimes(keys[0]!).slice(1).map((at, index) => at - upstream.callTimes(keys[0]!)[index]!);
    expect(new Set(gaps)).toEqual(new Set([2_000]));
  });
});
