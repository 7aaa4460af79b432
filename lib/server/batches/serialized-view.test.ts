import { describe, expect, it } from "vitest";
import type { BatchInsights, PollingInfo } from "@/lib/batch-view";
import { snapshotAt } from "../history/test-support";
import { serializedView, type PolledView } from "./serialized-view";

const polling: PollingInfo = {
  connectionId: "conn-1",
  nextUpdateAt: "2026-03-01T12:00:05.000Z",
  intervalMs: 5_000,
  budgetPerMinute: 60,
  limitedByBudget: false,
  final: false,
  lastError: null,
};
const insights: BatchInsights = {
  throughputPerMinute: { recent: 120, average: 100, averageSince: "watching-began" },
  etaRange: null,
  stalled: false,
  provisional: false,
  historyPoints: 3,
};

const parsed = (body: string) => JSON.parse(body) as Record<string, unknown>;

describe("serializedView", () => {
  it("is the view as JSON: the snapshot's fields, polling and insights", () => {
    const view: PolledView = { snapshot: snapshotAt(10), polling, insights };
    expect(parsed(serializedView("k1", view))).toEqual(JSON.parse(JSON.stringify({ ...view.snapshot, polling, insights })));
  });

  it("hands every viewer of an unchanged view the same body", () => {
    const view: PolledView = { snapshot: snapshotAt(10), polling, insights };
    const first = serializedView("k2", view);
    expect(serializedView("k2", { ...view, polling: { ...polling } })).toBe(first);
  });

  it("writes a new body for a new snapshot, new insights or a change in polling", () => {
    const view: PolledView = { snapshot: snapshotAt(10), polling, insights };
    serializedView("k3", view);
    const next = snapshotAt(20, { processed: 999 });
    expect(parsed(serializedView("k3", { ...view, snapshot: next })).processed).toBe(999);
    expect(parsed(serializedView("k3", { ...view, snapshot: next, insights: { ...insights, stalled: true } })).insights).toMatchObject({ stalled: true });
    const later = { ...polling, nextUpdateAt: "2026-03-01T12:00:10.000Z" };
    expect(parsed(serializedView("k3", { snapshot: next, polling: later, insights })).polling).toMatchObject({ nextUpdateAt: later.nextUpdateAt });
  });

  it("keeps batches apart", () => {
    serializedView("a", { snapshot: snapshotAt(10, { processed: 1 }), polling, insights });
    expect(parsed(serializedView("b", { snapshot: snapshotAt(10, { processed: 2 }), polling, insights })).processed).toBe(2);
  });
});
