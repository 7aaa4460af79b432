import { describe, expect, it } from "vitest";
import { ApiError } from "./api-client";
import { batchFreshness } from "./batch-freshness";
import type { BatchView } from "./batch-view";
import type { BoardSnapshot } from "./board-snapshot";
import { cardQueryState, confirmSnapshot, receiveSnapshot } from "./board-snapshot-cards";
import { nextSnapshotPoll } from "./queries/board-snapshot";
import { blankSnapshot } from "./testing/blank-snapshot";

const polling = { connectionId: "env-migma", nextUpdateAt: null, intervalMs: 2_000, budgetPerMinute: 60, limitedByBudget: false, final: false, lastError: null };
// Freshness ages the provider's numbers, so each view says when they were fetched.
const view = (processed: number, fetchedAtMs = 1_000): BatchView => ({ ...blankSnapshot({ processed, fetchedAt: new Date(fetchedAtMs).toISOString() }), polling });
const batch = (id: string) => ({ id, connectionId: "env-migma", provider: "migma" as const, batchId: `b-${id}`, label: null });
const summary = { running: 0, waiting: 0, done: 0, failed: 0, unknown: 0, items: [], progress: null };

function snapshot(parts: BoardSnapshot["batches"], intervalMs: number | null = 2_000): BoardSnapshot {
  return { kind: "board", name: "B", expiresAt: null, batches: parts, summary, pace: { intervalMs, nextUpdateAt: null } };
}

describe("a screen's cards from board snapshots", () => {
  it("gives each card its own view, error and time heard; an error keeps the last view and its age", () => {
    const first = receiveSnapshot(undefined, snapshot([{ ...batch("a"), view: view(10) }, { ...batch("b"), view: view(20) }]), 'W/"1"', 1_000);
    const second = receiveSnapshot(
      first,
      snapshot([{ ...batch("a"), view: view(11, 9_000) }, { ...batch("b"), error: { code: "not_configured", message: "Connect it." } }, batch("c")]),
      'W/"2"',
      9_000,
    );
    const [a, b, c] = second.cards;
    expect(a).toMatchObject({ view: { processed: 11 }, error: null, receivedAt: 9_000 });
    expect(b).toMatchObject({ view: { processed: 20 }, receivedAt: 1_000 });
    expect(b?.error).toBeInstanceOf(ApiError);
    expect(b?.error).toMatchObject({ code: "not_configured", status: 503 });
    expect(c).toMatchObject({ view: undefined, error: null });
    expect(second.shown.batches.map(({ id }) => id)).toEqual(["a", "b", "c"]);
    expect(second.etag).toBe('W/"2"');

    // The errored card's numbers (fetched at 1 s) turn late by their own age; the other stays fresh.
    const now = 1_000 + 4 * 2_000 + 1;
    expect(batchFreshness(cardQueryState(a, null), now).stale).toBe(false);
    expect(batchFreshness(cardQueryState(b, null), now)).toMatchObject({ stale: true, cause: "late" });
  });

  it("on 304 counts every good card as heard now, and a failed request reaches every card", () => {
    const held = receiveSnapshot(undefined, snapshot([{ ...batch("a"), view: view(10) }, { ...batch("b"), error: { code: "provider_error", message: "x" } }]), 'W/"1"', 1_000);
    const confirmed = confirmSnapshot(held, 50_000);
    expect(confirmed.cards.map((card) => card.receivedAt)).toEqual([50_000, 1_000]);
    expect(confirmed.etag).toBe('W/"1"');
    const offline = new ApiError(0, "network_error", "down");
    expect(batchFreshness(cardQueryState(confirmed.cards[0], offline), 50_001)).toMatchObject({ stale: true, cause: "unreachable" });
  });

  it("polls at the soonest announced pace, sooner for an error that may clear, and stops for a dead link", () => {
    const board = { kind: "board", boardId: "x" } as const;
    const share = { kind: "share", token: "t" } as const;
    const running = receiveSnapshot(undefined, snapshot([{ ...batch("a"), view: view(1) }], 2_000), null, 0);
    expect(nextSnapshotPoll(board, running, null)).toBe(2_000);
    const final = receiveSnapshot(undefined, snapshot([{ ...batch("a"), view: view(1) }], null), null, 0);
    expect(nextSnapshotPoll(board, final, null)).toBe(15_000);
    expect(nextSnapshotPoll(share, final, null)).toBe(5_000);
    const slow = receiveSnapshot(undefined, snapshot([{ ...batch("a"), error: { code: "provider_error", message: "x" } }], 24_000), null, 0);
    expect(nextSnapshotPoll(board, slow, null)).toBe(5_000);
    expect(nextSnapshotPoll(share, running, new ApiError(410, "share_link_revoked", "x"))).toBe(false);
    expect(nextSnapshotPoll(board, running, new ApiError(0, "network_error", "x"))).toBe(5_000);
  });
});
