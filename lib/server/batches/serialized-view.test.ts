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

const parsed = ({ json }: { json: string }) => JSON.parse(json) as Record<string, unknown>;

describe("serializedView", () => {
  it("is the view as JSON: the snapshot's fields, polling and insights", () => {
    const view: PolledView = { snapshot: snapshotAt(10), polling, insights };
    expect(parsed(serializedView("k1", view))).toEqual(JSON.parse(JSON.stringify({ ...view.snapshot, polling, insights })));
  });

  it("hands every viewer of an unchanged view the same body and ETag", () => {
    const view: PolledView = { snapshot: snapshotAt(10), polling, insights };
    const first = serializedView("k2", view);
    expect(serializedView("k2", { ...view, polling: { ...polling } })).toBe(first);
    expect(first.etag).toMatch(/^W\/"[A-Za-z0-9_-]{27}"$/);
  });

  it("changes the ETag with anything a viewer sees, the freshness fields included", () => {
    const view: PolledView = { snapshot: snapshotAt(10), polling, insights };
    const first = serializedView("k4", view).etag;
    const failing = { ...polling, lastError: { code: "provider_error", message: "x", at: "2026-03-01T12:00:06.000Z" } };
    expect(serializedView("k4", { ...view, polling: failing }).etag).not.toBe(first);
    expect(serializedView("k4", { ...view, snapshot: snapshotAt(10, { stale: true }) }).etag).not.toBe(first);
    expect(serializedView("k4", view).etag).toBe(first);
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
