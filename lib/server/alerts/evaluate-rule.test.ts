import { describe, expect, it } from "vitest";
import { blankSnapshot } from "@/lib/testing/blank-snapshot";
import type { BatchSnapshot } from "@/lib/batch-snapshot";
import { isConditionActive, type BatchObservation, type RuleCondition } from "./evaluate-rule";

const NOW = Date.parse("2026-12-02T12:00:00Z");
const MINUTE = 60_000;

function seen(snapshot: Partial<BatchSnapshot>, more: Partial<BatchObservation> = {}): BatchObservation {
  return { snapshot: blankSnapshot(snapshot), failingSince: null, countersChangedAt: NOW, samples: [], ...more };
}
const rule = (kind: RuleCondition["kind"], threshold: number | null = null, minutes: number | null = null): RuleCondition => ({ kind, threshold, minutes });
const failures = (count: number) => [
  { status: "sent", label: "Sent", count: 100 - count, outcome: "success" as const },
  { status: "failed", label: "Failed", count, outcome: "failure" as const },
];

describe("isConditionActive", () => {
  it("finished: any terminal state, never a running or paused one", () => {
    for (const state of ["completed", "partial", "failed", "cancelled"] as const) expect(isConditionActive(rule("finished"), seen({ state }), NOW)).toBe(true);
    for (const state of ["running", "paused", "queued", "scheduled"] as const) expect(isConditionActive(rule("finished"), seen({ state }), NOW)).toBe(false);
  });

  it("failure_share: above X % of what was processed, once enough was processed", () => {
    const share = rule("failure_share", 10);
    expect(isConditionActive(share, seen({ processed: 100, total: 1000, counts: failures(11) }), NOW)).toBe(true);
    expect(isConditionActive(share, seen({ processed: 100, total: 1000, counts: failures(10) }), NOW)).toBe(false);
    // Two failures of the first ten processed is 20 %, but too early to mean anything.
    expect(isConditionActive(share, seen({ processed: 10, total: 1000, counts: [{ status: "failed", label: "Failed", count: 2, outcome: "failure" }] }), NOW)).toBe(false);
    // A batch of five is judged once all five are done.
    expect(isConditionActive(share, seen({ processed: 5, total: 5, counts: [{ status: "failed", label: "Failed", count: 1, outcome: "failure" }] }), NOW)).toBe(true);
  });

  it("stalled: counters unchanged for N minutes while items are pending, not while the provider is unreachable", () => {
    const stalled = rule("stalled", null, 5);
    expect(isConditionActive(stalled, seen({ state: "running", progress: 0.4 }, { countersChangedAt: NOW - 5 * MINUTE }), NOW)).toBe(true);
    expect(isConditionActive(stalled, seen({ state: "running", progress: 0.4 }, { countersChangedAt: NOW - 4 * MINUTE }), NOW)).toBe(false);
    expect(isConditionActive(stalled, seen({ state: "paused", progress: 0.4 }, { countersChangedAt: NOW - 60 * MINUTE }), NOW)).toBe(false);
    expect(isConditionActive(stalled, seen({ state: "running", progress: 0.4 }, { countersChangedAt: NOW - 60 * MINUTE, failingSince: NOW - MINUTE }), NOW)).toBe(false);
  });

  it("stale: calls failing for N minutes", () => {
    const stale = rule("stale", null, 3);
    expect(isConditionActive(stale, seen({}, { failingSince: NOW - 3 * MINUTE }), NOW)).toBe(true);
    expect(isConditionActive(stale, seen({}, { failingSince: NOW - 2 * MINUTE }), NOW)).toBe(false);
    expect(isConditionActive(stale, seen({}), NOW)).toBe(false);
  });

  it("slow: throughput over the recent window below X a minute while running, once a minute of it is seen", () => {
    const slow = rule("slow", 100);
    const samples = (perMinute: number, spanMinutes: number) => [
      { at: NOW - spanMinutes * MINUTE, processed: 0 },
      { at: NOW, processed: perMinute * spanMinutes },
    ];
    expect(isConditionActive(slow, seen({ state: "running" }, { samples: samples(50, 2) }), NOW)).toBe(true);
    expect(isConditionActive(slow, seen({ state: "running" }, { samples: samples(150, 2) }), NOW)).toBe(false);
    expect(isConditionActive(slow, seen({ state: "running" }, { samples: [{ at: NOW - 30_000, processed: 0 }, { at: NOW, processed: 1 }] }), NOW)).toBe(false);
    expect(isConditionActive(slow, seen({ state: "completed" }, { samples: samples(50, 2) }), NOW)).toBe(false);
  });

  it("pause_window: SendGrid, scheduled, within N minutes before pausing closes (10 minutes before send_at)", () => {
    const window = rule("pause_window", null, 15);
    const sendAt = (minutesFromNow: number) => new Date(NOW + minutesFromNow * MINUTE).toISOString();
    const sendgrid = (scheduledAt: string, state: BatchSnapshot["state"] = "scheduled") => seen({ provider: "sendgrid", state, scheduledAt });
    expect(isConditionActive(window, sendgrid(sendAt(20)), NOW)).toBe(true);
    expect(isConditionActive(window, sendgrid(sendAt(25)), NOW)).toBe(true);
    expect(isConditionActive(window, sendgrid(sendAt(26)), NOW)).toBe(false);
    // Closed already: nothing left to do.
    expect(isConditionActive(window, sendgrid(sendAt(9)), NOW)).toBe(false);
    expect(isConditionActive(window, sendgrid(sendAt(20), "paused"), NOW)).toBe(false);
    expect(isConditionActive(window, seen({ provider: "migma", state: "scheduled", scheduledAt: sendAt(20) }), NOW)).toBe(false);
  });
});
