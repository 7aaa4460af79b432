import { describe, expect, it } from "vitest";
import { ApiError } from "@/lib/api-client";
import type { BatchView, PollingInfo } from "@/lib/batch-view";
import { blankSnapshot } from "@/lib/testing/blank-snapshot";
import { batchFreshness, lateAfterMs, numbersUpdatedAt } from "./batch-freshness";
import { nextBatchPoll } from "./queries/batch";
import type { BatchQueryState } from "./batch-freshness";

const now = 1_000_000;
const iso = (ms: number) => new Date(ms).toISOString();

function polling(overrides: Partial<PollingInfo> = {}): PollingInfo {
  return {
    connectionId: "env-migma",
    nextUpdateAt: iso(now + 2_000),
    intervalMs: 2_000,
    budgetPerMinute: 300,
    limitedByBudget: false,
    final: false,
    lastError: null,
    ...overrides,
  };
}

/** A view whose numbers the server fetched at `fetchedAt`. */
function view(fetchedAt: number, overrides: Partial<BatchView> = {}): BatchView {
  return { ...blankSnapshot({ fetchedAt: iso(fetchedAt) }), polling: polling(), ...overrides };
}

function query(data: BatchView | undefined, receivedAt: number, error: Error | null = null): BatchQueryState {
  return { data, dataUpdatedAt: receivedAt, error };
}

describe("batchFreshness at a 12 s server pace", () => {
  // Migma's 10 calls a minute shared by two running batches: the server announces every 12 s.
  const fetchedAt = now;
  const slow = (at: number) =>
    view(at, { polling: polling({ intervalMs: 12_000, limitedByBudget: true, nextUpdateAt: iso(at + 12_000) }) });

  it("is fresh all the way between two polls, and when a poll is a little late", () => {
    for (const after of [1_000, 6_500, 11_900, 12_500, 24_000, 35_000, 47_000]) {
      // The same numbers keep arriving until the next fetch: each answer is received just now.
      expect(batchFreshness(query(slow(fetchedAt), fetchedAt + after), fetchedAt + after), `after ${after} ms`).toEqual({
        stale: false,
        since: null,
        cause: null,
      });
    }
  });

  it("is stale once the numbers are older than the interval they came at plus three missed polls", () => {
    expect(batchFreshness(query(slow(fetchedAt), fetchedAt + 48_100), fetchedAt + 48_500)).toEqual({
      stale: true,
      since: fetchedAt,
      cause: "late",
    });
  });
});

describe("batchFreshness", () => {
  it("is fresh while new numbers keep arriving", () => {
    expect(batchFreshness(query(view(now - 3_000), now - 1_000), now).stale).toBe(false);
  });

  it("ages the provider's numbers, not our last answer: a fresh answer with old numbers is late", () => {
    // The server keeps answering (received 1 s ago) but its numbers are 9 s old at a 2 s pace.
    expect(batchFreshness(query(view(now - 9_000), now - 1_000), now)).toEqual({
      stale: true,
      since: now - 9_000,
      cause: "late",
    });
    const waiting = view(now - 9_000, { polling: polling({ intervalMs: 10_000 }) });
    expect(batchFreshness(query(waiting, now - 1_000), now).stale).toBe(false);
  });

  it("falls back to the pace of the batch's state when the answer says nothing about polling", () => {
    const queued = (fetchedAt: number) => view(fetchedAt, { state: "queued", polling: undefined });
    expect(batchFreshness(query(queued(now - 39_000), now), now).stale).toBe(false);
    expect(batchFreshness(query(queued(now - 41_000), now), now).stale).toBe(true);
  });

  it("goes stale at once when the server cannot be reached, since the numbers on screen", () => {
    const unreachable = new ApiError(0, "network_error", "x");
    expect(batchFreshness(query(view(now - 2_000), now - 1_000, unreachable), now)).toEqual({
      stale: true,
      since: now - 2_000,
      cause: "unreachable",
    });
  });

  it("is stale since the server's fetch when the server serves a cached copy", () => {
    expect(batchFreshness(query(view(now - 60_000, { stale: true }), now - 1_000), now)).toEqual({
      stale: true,
      since: now - 60_000,
      cause: "cached",
    });
  });

  it("says late rather than cached once answers stopped arriving too", () => {
    expect(batchFreshness(query(view(now - 60_000, { stale: true }), now - 9_000), now)).toEqual({
      stale: true,
      since: now - 60_000,
      cause: "late",
    });
  });

  it("never ages a final batch, and has nothing to dim before the first answer", () => {
    const final = view(now - 3_600_000, { state: "completed", polling: polling({ final: true, nextUpdateAt: null }) });
    expect(batchFreshness(query(final, now - 3_600_000), now).stale).toBe(false);
    expect(batchFreshness(query(undefined, 0, new ApiError(0, "network_error", "x")), now).stale).toBe(false);
    expect(batchFreshness(undefined, now).stale).toBe(false);
  });

  it("reads the numbers' time from the snapshot", () => {
    expect(numbersUpdatedAt(view(now - 5_000))).toBe(now - 5_000);
    expect(numbersUpdatedAt({ fetchedAt: "garbage" })).toBeNull();
  });
});

describe("a batch whose provider pushes its changes (a live Bolna hook)", () => {
  // The scheduler polls it every 10 s on its own and at once on every pushed change; viewers ask every second.
  const pushed = (at: number) => view(at, { polling: polling({ intervalMs: 10_000, viewerPaceMs: 1_000, nextUpdateAt: iso(at + 10_000) }) });

  it("is asked for every second, however slow the scheduler's own cadence", () => {
    expect(nextBatchPoll(pushed(now), null)).toBe(1_000);
    expect(nextBatchPoll(view(now, { polling: polling({ intervalMs: 10_000 }) }), null)).toBe(10_000);
  });

  it("is late against the scheduler's cadence, not the quicker viewer pace", () => {
    const fetchedAt = now;
    expect(lateAfterMs(pushed(fetchedAt))).toBe(10_000 * 4);
    expect(batchFreshness(query(pushed(fetchedAt), now + 20_000), now + 20_000).stale).toBe(false);
    expect(batchFreshness(query(pushed(fetchedAt), now + 20_000), now + 41_000)).toMatchObject({ stale: true, cause: "late" });
  });
});
