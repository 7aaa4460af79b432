import { describe, expect, it } from "vitest";
import { summarizeBoard } from "./board-summary";
import { blankSnapshot as snapshot } from "./testing/blank-snapshot";

describe("summarizeBoard", () => {
  it("counts batches by where they are, and items per kind: emails, messages and calls apart", () => {
    const summary = summarizeBoard([
      snapshot({
        provider: "migma",
        state: "running",
        processed: 50,
        total: 100,
        counts: [{ status: "failed", label: "Failed", count: 3, outcome: "failure" }],
      }),
      snapshot({ provider: "mindo", state: "completed", processed: 200, total: 200 }),
      snapshot({
        provider: "bolna",
        state: "partial",
        processed: 10,
        total: 10,
        counts: [
          { status: "busy", label: "Busy", count: 2, outcome: "unreached" },
          { status: "failed", label: "Failed", count: 4, outcome: "failure" },
          { status: "completed", label: "Completed", count: 4, outcome: "success" },
        ],
      }),
      snapshot({ provider: "migma", state: "failed", processed: 20, total: 20 }),
      snapshot({ provider: "migma", state: "queued", processed: 0, total: 40 }),
      // SendGrid reports no counts: it is a waiting batch, and adds no emails.
      snapshot({ provider: "sendgrid", state: "paused", processed: 0, total: null }),
      undefined,
    ]);
    expect(summary).toMatchObject({ running: 1, waiting: 2, done: 2, failed: 1, unknown: 1 });
    expect(summary.items).toEqual([
      { noun: "emails", processed: 70, failed: 3, unreached: 0 },
      { noun: "messages", processed: 200, failed: 0, unreached: 0 },
      { noun: "calls", processed: 10, failed: 4, unreached: 2 },
    ]);
    expect(summary.progress).toBeCloseTo(280 / 370);
  });

  it("has no overall progress when no batch reports a total, and never counts past a total", () => {
    expect(summarizeBoard([snapshot({ processed: 5, counts: [] })]).progress).toBeNull();
    expect(summarizeBoard([]).progress).toBeNull();
    expect(summarizeBoard([snapshot({ processed: 120, total: 100 })]).progress).toBe(1);
  });
});
