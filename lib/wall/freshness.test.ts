import { describe, expect, it } from "vitest";
import type { BatchView } from "@/lib/batch-view";
import { blankSnapshot } from "@/lib/testing/blank-snapshot";
import { wallFreshness, wallUpdated } from "./freshness";

const now = 1_000_000;

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

describe("wallUpdated", () => {
  const viewAt = (ms: number, final = false): BatchView => ({
    ...blankSnapshot({ fetchedAt: new Date(ms).toISOString() }),
    polling: { connectionId: "c", nextUpdateAt: null, intervalMs: 2_000, budgetPerMinute: 60, limitedByBudget: false, final, lastError: null },
  });

  const calm = { stale: false, since: null };

  it("ages the provider's numbers, never our latest answer: the newest still changing", () => {
    expect(wallUpdated([viewAt(now - 1_000), viewAt(now - 9_000), viewAt(now - 3_600_000, true), undefined], calm)).toEqual({
      kind: "at",
      at: now - 1_000,
    });
  });

  it("says what the stale banner says while anything is stale", () => {
    // One batch has had no fresh numbers for two minutes: the corner must not say "just now".
    expect(wallUpdated([viewAt(now - 1_000), viewAt(now - 120_000)], { stale: true, since: now - 120_000 })).toEqual({
      kind: "at",
      at: now - 120_000,
    });
  });

  it("says so when every batch is final, and nothing before the first numbers", () => {
    expect(wallUpdated([viewAt(now - 3_600_000, true)], calm)).toEqual({ kind: "final" });
    expect(wallUpdated([undefined], calm)).toEqual({ kind: "none" });
  });
});
