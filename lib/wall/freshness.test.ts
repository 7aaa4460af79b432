import { describe, expect, it } from "vitest";
import { wallFreshness } from "./freshness";

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
