import { describe, expect, it } from "vitest";
import type { PollingInfo } from "@/lib/batch-view";
import { boardSnapshotSchema } from "@/lib/board-snapshot";
import type { SharedView } from "@/lib/share-link";
import { serializedView } from "../batches/serialized-view";
import { snapshotAt } from "../history/test-support";
import { PENDING_PACE_MS, serializedSnapshot } from "./serialized-snapshot";
import type { SnapshotPart } from "./snapshot-parts";

const polling = (intervalMs: number, nextUpdateAt: string | null, final = false): PollingInfo => ({
  connectionId: "env-mindo",
  nextUpdateAt,
  intervalMs,
  budgetPerMinute: 60,
  limitedByBudget: false,
  final,
  lastError: null,
});

function viewPart(key: string, processed: number, info: PollingInfo): SnapshotPart {
  const view = { snapshot: snapshotAt(10, { processed }), polling: info, insights: undefined };
  return { kind: "view", read: { view, body: serializedView(key, view) } };
}

const batch = (n: number) => ({ id: `bb-${n}`, connectionId: "env-mindo", provider: "mindo" as const, batchId: `00000000-0000-4000-8000-00000000000${n}`, label: n === 1 ? "First" : null });
const shown = (name: string): SharedView => ({ kind: "board", name, expiresAt: null, batches: [batch(1), batch(2), batch(3)] });
const parsed = (json: string) => boardSnapshotSchema.parse(JSON.parse(json));

describe("serializedSnapshot", () => {
  it("holds every batch exactly as the batch endpoint writes it, its error, or nothing yet; the summary and the soonest pace", () => {
    const first = viewPart("s1-a", 100, polling(5_000, "2026-03-01T12:00:05.000Z"));
    const second = viewPart("s1-b", 50, polling(2_000, "2026-03-01T12:00:02.000Z"));
    const failed: SnapshotPart = { kind: "error", body: { error: { code: "not_configured", message: "Connect it." } } };
    const body = serializedSnapshot("One", shown("One"), [first, second, failed]);
    const snapshot = parsed(body.json);
    expect(snapshot).toMatchObject({ kind: "board", name: "One", expiresAt: null, pace: { intervalMs: 2_000, nextUpdateAt: "2026-03-01T12:00:02.000Z" } });
    expect(snapshot.batches.map((b) => b.id)).toEqual(["bb-1", "bb-2", "bb-3"]);
    expect(snapshot.batches[0]).toMatchObject(batch(1));
    if (first.kind !== "view") throw new Error("a view part");
    expect(snapshot.batches[0]!.view).toEqual(JSON.parse(first.read.body.json));
    expect(snapshot.batches[2]).toMatchObject({ error: { code: "not_configured", message: "Connect it." } });
    expect(snapshot.batches[2]!.view).toBeUndefined();
    expect(snapshot.summary).toMatchObject({ running: 2, unknown: 1, items: [expect.objectContaining({ processed: 150 })] });
    expect(body.etag).toMatch(/^W\/"/);

    const waiting = serializedSnapshot("One b", shown("One b"), [first, second, { kind: "pending" }]);
    expect(parsed(waiting.json).pace.intervalMs).toBe(PENDING_PACE_MS);
    expect(parsed(waiting.json).batches[2]).toEqual(batch(3));
  });

  it("announces a pushed batch's quicker viewer pace, so walls ask as often as its batch page", () => {
    const pushed = viewPart("s4-a", 3, { ...polling(10_000, "2026-03-01T12:00:10.000Z"), viewerPaceMs: 1_000 });
    const other = viewPart("s4-b", 4, polling(2_000, "2026-03-01T12:00:02.000Z"));
    expect(parsed(serializedSnapshot("Four", shown("Four"), [pushed, other]).json).pace.intervalMs).toBe(1_000);
  });

  it("is written once per distinct board view: the same parts give the same body, any change a new one", () => {
    const parts = [viewPart("s2-a", 1, polling(2_000, null)), viewPart("s2-b", 2, polling(2_000, null)), { kind: "pending" } as const];
    const first = serializedSnapshot("Two", shown("Two"), parts);
    expect(serializedSnapshot("Two", shown("Two"), [...parts])).toBe(first);
    const moved = serializedSnapshot("Two", shown("Two"), [viewPart("s2-a", 7, polling(2_000, null)), parts[1]!, parts[2]!]);
    expect(moved.etag).not.toBe(first.etag);
    expect(parsed(moved.json).batches[0]!.view?.processed).toBe(7);
    expect(serializedSnapshot("Two renamed", shown("Two renamed"), parts).etag).not.toBe(moved.etag);
  });

  it("announces no pace once every batch is final", () => {
    const done = [1, 2, 3].map((n) => viewPart(`s3-${n}`, n, polling(2_000, null, true)));
    expect(parsed(serializedSnapshot("Three", shown("Three"), done).json).pace).toEqual({ intervalMs: null, nextUpdateAt: null });
  });

  it("carries the alerts firing on each batch, and a new or cleared alert makes a new body", () => {
    const parts = [viewPart("s9-a", 1, polling(5_000, null)), viewPart("s9-b", 1, polling(5_000, null)), viewPart("s9-c", 1, polling(5_000, null))];
    const quiet = serializedSnapshot("Alerts", shown("Alerts"), parts, [[], [], []]);
    expect(parsed(quiet.json).batches.map((b) => b.alerts)).toEqual([undefined, undefined, undefined]);
    const stalled = { kind: "stalled" as const, since: "2026-03-01T12:00:00.000Z", failure: false };
    const firing = serializedSnapshot("Alerts", shown("Alerts"), parts, [[], [stalled], []]);
    expect(firing.etag).not.toBe(quiet.etag);
    expect(parsed(firing.json).batches.map((b) => b.alerts)).toEqual([undefined, [stalled], undefined]);
    expect(serializedSnapshot("Alerts", shown("Alerts"), parts, [[], [], []]).etag).toBe(quiet.etag);
  });
});
