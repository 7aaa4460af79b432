import { describe, expect, it } from "vitest";
import type { BatchCount } from "@/lib/batch-snapshot";
import { blankSnapshot } from "@/lib/testing/blank-snapshot";
import { keepVanishedCounts } from "./keep-vanished-counts";

const bucket = (status: string, count: number, outcome: BatchCount["outcome"] = "active"): BatchCount => ({ status, label: status, count, outcome });
const withCounts = (...counts: BatchCount[]) => blankSnapshot({ provider: "bolna", counts });

describe("keepVanishedCounts", () => {
  it("keeps a status the provider stopped listing, at zero, where it was", () => {
    const before = withCounts(bucket("queued", 5, "pending"), bucket("ringing", 2), bucket("in-progress", 3), bucket("completed", 1, "success"));
    const after = withCounts(bucket("in-progress", 4), bucket("completed", 7, "success"));
    expect(keepVanishedCounts(before, after).counts).toEqual([
      bucket("queued", 0, "pending"),
      bucket("ringing", 0),
      bucket("in-progress", 4),
      bucket("completed", 7, "success"),
    ]);
  });

  it("keeps new statuses where the provider puts them, and remembers across several answers", () => {
    const first = withCounts(bucket("ringing", 2), bucket("completed", 1, "success"));
    const second = keepVanishedCounts(first, withCounts(bucket("completed", 3, "success"), bucket("busy", 1, "unreached")));
    const third = keepVanishedCounts(second, withCounts(bucket("busy", 2, "unreached")));
    expect(third.counts.map((count) => [count.status, count.count])).toEqual([
      ["ringing", 0],
      ["completed", 0],
      ["busy", 2],
    ]);
  });

  it("returns the answer itself when nothing vanished", () => {
    const next = withCounts(bucket("completed", 3, "success"));
    expect(keepVanishedCounts(null, next)).toBe(next);
    expect(keepVanishedCounts(withCounts(bucket("completed", 1, "success")), next)).toBe(next);
  });
});
