import { describe, expect, it } from "vitest";
import { ApiError } from "@/lib/api-client";
import type { BatchView, PollingInfo } from "@/lib/batch-view";
import { blankSnapshot } from "@/lib/testing/blank-snapshot";
import { batchFreshness } from "./batch-freshness";
import type { BatchQueryState } from "./batch-freshness";

const now = 1_000_000;

function polling(overrides: Partial<PollingInfo> = {}): PollingInfo {
  return {
    connectionId: "env-migma",
    nextUpdateAt: new Date(now + 2_000).toISOString(),
    intervalMs: 2_000,
    budgetPerMinute: 300,
    limitedByBudget: false,
    final: false,
    lastError: null,
    ...overrides,
  };
}

function view(overrides: Partial<BatchView> = {}): BatchView {
  return { ...blankSnapshot(), polling: polling(), ...overrides };
}

function query(data: BatchView | undefined, receivedAt: number, error: Error | null = null): BatchQueryState {
  return { data, dataUpdatedAt: receivedAt, error };
}

describe("batchFreshness at a 12 s server pace", () => {
  // Migma's 10 calls a minute shared by two running batches: the server announces every 12 s.
  const receivedAt = now;
  const slow = view({
    polling: polling({ intervalMs: 12_000, limitedByBudget: true, nextUpdateAt: new Date(now + 12_000).toISOString() }),
  });

  it("is fresh all the way between two polls, and when a poll is a little late", () => {
    for (const after of [1_000, 6_500, 11_900, 12_500, 24_000, 35_000]) {
      expect(batchFreshness(query(slow, receivedAt), receivedAt + after), `after ${after} ms`).toEqual({
        stale: false,
        since: null,
        cause: null,
      });
    }
  });

  it("is stale once three polls in a row brought nothing, since the last numbers", () => {
    expect(batchFreshness(query(slow, receivedAt), receivedAt + 36_500)).toEqual({
      stale: true,
      since: receivedAt,
      cause: "late",
    });
  });
});

describe("batchFreshness", () => {
  const fresh = view();

  it("is fresh while numbers keep arriving", () => {
    expect(batchFreshness(query(fresh, now - 1_000), now).stale).toBe(false);
  });

  it("goes stale after a few missed polls at the pace the numbers are due, since the last numbers", () => {
    expect(batchFreshness(query(fresh, now - 7_000), now)).toEqual({
      stale: true,
      since: now - 7_000,
      cause: "late",
    });
    const waiting = view({ polling: polling({ intervalMs: 10_000 }) });
    expect(batchFreshness(query(waiting, now - 7_000), now).stale).toBe(false);
  });

  it("falls back to the pace of the batch's state when the answer says nothing about polling", () => {
    const queued = view({ state: "queued", polling: undefined });
    expect(batchFreshness(query(queued, now - 29_000), now).stale).toBe(false);
    expect(batchFreshness(query(queued, now - 31_000), now).stale).toBe(true);
  });

  it("goes stale at once when the server cannot be reached", () => {
    const unreachable = new ApiError(0, "network_error", "x");
    expect(batchFreshness(query(fresh, now - 1_000, unreachable), now)).toEqual({
      stale: true,
      since: now - 1_000,
      cause: "unreachable",
    });
  });

  it("is stale since the server's fetch when the server serves a cached copy", () => {
    const at = new Date(now - 60_000).toISOString();
    expect(batchFreshness(query(view({ stale: true, fetchedAt: at }), now - 1_000), now)).toEqual({
      stale: true,
      since: now - 60_000,
      cause: "cached",
    });
  });

  it("says late rather than cached once answers stopped arriving too", () => {
    const at = new Date(now - 60_000).toISOString();
    expect(batchFreshness(query(view({ stale: true, fetchedAt: at }), now - 7_000), now)).toEqual({
      stale: true,
      since: now - 60_000,
      cause: "late",
    });
  });

  it("never ages a final batch, and has nothing to dim before the first answer", () => {
    const final = view({ state: "completed", polling: polling({ final: true, nextUpdateAt: null }) });
    expect(batchFreshness(query(final, now - 3_600_000), now).stale).toBe(false);
    expect(batchFreshness(query(undefined, 0, new ApiError(0, "network_error", "x")), now).stale).toBe(false);
    expect(batchFreshness(undefined, now).stale).toBe(false);
  });
});
