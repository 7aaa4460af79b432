import { describe, expect, it } from "vitest";
import { batchFreshness, wallFreshness } from "./freshness";
import type { BatchFreshnessInput } from "./freshness";

const now = 1_000_000;
const fresh: BatchFreshnessInput = {
  hasData: true,
  pollMs: 2_000,
  dataUpdatedAt: now - 1_000,
  serverStale: false,
  fetchedAt: null,
  errorCode: null,
};

describe("batchFreshness", () => {
  it("is fresh while numbers keep arriving", () => {
    expect(batchFreshness(fresh, now)).toEqual({ stale: false, since: null });
  });

  it("goes stale after a few missed polls at the pace the numbers are due, since the last numbers", () => {
    expect(batchFreshness({ ...fresh, dataUpdatedAt: now - 7_000 }, now)).toEqual({
      stale: true,
      since: now - 7_000,
    });
    expect(
      batchFreshness({ ...fresh, pollMs: 10_000, dataUpdatedAt: now - 7_000 }, now).stale,
    ).toBe(false);
  });

  it("goes stale at once when the server cannot be reached", () => {
    expect(batchFreshness({ ...fresh, errorCode: "network_error" }, now)).toEqual({
      stale: true,
      since: now - 1_000,
    });
  });

  it("is stale since the server's fetch when the server serves a cached copy", () => {
    const at = new Date(now - 60_000).toISOString();
    expect(batchFreshness({ ...fresh, serverStale: true, fetchedAt: at }, now)).toEqual({
      stale: true,
      since: now - 60_000,
    });
  });

  it("never ages a final batch, and has nothing to dim before the first answer", () => {
    expect(
      batchFreshness({ ...fresh, pollMs: false, dataUpdatedAt: now - 3_600_000 }, now).stale,
    ).toBe(false);
    expect(
      batchFreshness({ ...fresh, hasData: false, errorCode: "network_error" }, now).stale,
    ).toBe(false);
  });
});

describe("wallFreshness", () => {
  it("reports the oldest stale moment and how many batches are stale", () => {
    const result = wallFreshness(
      [
        { stale: true, since: now - 9_000 },
        { stale: false, since: null },
        { stale: true, since: now - 20_000 },
      ],
      { dataUpdatedAt: now, errorCode: null },
      [null, null, "provider_error"],
    );
    expect(result).toEqual({ stale: true, unreachable: false, since: now - 20_000, staleCount: 2 });
  });

  it("is unreachable when the board itself cannot be fetched", () => {
    const result = wallFreshness(
      [{ stale: false, since: null }],
      { dataUpdatedAt: now - 5_000, errorCode: "network_error" },
      [null],
    );
    expect(result).toEqual({ stale: true, unreachable: true, since: now - 5_000, staleCount: 0 });
  });

  it("is calm when everything is fresh", () => {
    expect(
      wallFreshness([{ stale: false, since: null }], { dataUpdatedAt: now, errorCode: null }, [
        null,
      ]).stale,
    ).toBe(false);
  });
});
