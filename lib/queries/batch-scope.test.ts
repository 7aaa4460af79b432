import { describe, expect, it } from "vitest";
import { ApiError } from "@/lib/api-client";
import { blankSnapshot } from "@/lib/testing/blank-snapshot";
import { batchApiPath, batchQueryOptions, nextBatchPoll } from "./batch";

describe("batch queries with a connection or a share token", () => {
  it("keeps the old path and key when neither is given", () => {
    expect(batchApiPath("migma", "sim-running")).toBe("/api/batches/migma/sim-running");
    expect(batchQueryOptions("migma", "sim-running").queryKey).toEqual([
      "batch",
      { provider: "migma", batchId: "sim-running" },
    ]);
  });

  it("asks through the connection and with the token, and keys them apart", () => {
    const token = "A".repeat(43);
    expect(batchApiPath("bolna", "b1", { connectionId: "env-bolna", share: token })).toBe(
      `/api/batches/bolna/b1?connection=env-bolna&share=${token}`,
    );
    expect(batchQueryOptions("bolna", "b1", { share: token }).queryKey).toEqual([
      "batch",
      { provider: "bolna", batchId: "b1", share: token },
    ]);
  });

  it("stops polling once the link is dead or the batch is outside it", () => {
    for (const code of ["share_link_revoked", "share_link_expired", "forbidden"] as const) {
      expect(nextBatchPoll(undefined, new ApiError(410, code, "x"))).toBe(false);
    }
    expect(nextBatchPoll(undefined, new ApiError(0, "network_error", "x"))).toBeGreaterThan(0);
  });

  it("asks every 2 s while the server serves cached numbers, so a recovery shows at once", () => {
    const polling = { connectionId: "c", nextUpdateAt: null, intervalMs: 30_000, budgetPerMinute: 10, limitedByBudget: true, final: false, lastError: null };
    expect(nextBatchPoll({ ...blankSnapshot(), polling }, null)).toBe(30_000);
    expect(nextBatchPoll({ ...blankSnapshot({ stale: true }), polling }, null)).toBe(2_000);
  });
});
