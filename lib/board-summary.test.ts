import { describe, expect, it } from "vitest";
import { summarizeBoard } from "./board-summary";
import { blankSnapshot as snapshot } from "./testing/blank-snapshot";

describe("summarizeBoard", () => {
  it("counts batches by where they are and adds up messages across the board", () => {
    const summary = summarizeBoard([
      snapshot({
        state: "running",
        processed: 50,
        total: 100,
        counts: [{ status: "failed", label: "Failed", count: 3, outcome: "failure" }],
      }),
      snapshot({ state: "completed", processed: 200, total: 200 }),
      snapshot({
        state: "partial",
        processed: 10,
        total: 10,
        counts: [
          { status: "bounced", label: "Bounced", count: 4, outcome: "failure" },
          { status: "sent", label: "Sent", count: 6, outcome: "success" },
        ],
      }),
      snapshot({ state: "failed", processed: 0, total: null }),
      snapshot({ state: "queued", processed: 0, total: 40 }),
      snapshot({ state: "paused", processed: 5, total: null }),
      undefined,
    ]);
    expect(summary).toMatchObject({
      running: 1,
      waiting: 2,
      done: 2,
      failed: 1,
      unknown: 1,
      processed: 265,
      failures: 7,
    });
    expect(summary.progress).toBeCloseTo(260 / 350);
  });

  it("has no overall progress when no batch reports a total, and never counts past a total", () => {
    expect(summarizeBoard([snapshot({ processed: 5 })]).progress).toBeNull();
    expect(summarizeBoard([]).progress).toBeNull();
    expect(summarizeBoard([snapshot({ processed: 120, total: 100 })]).progress).toBe(1);
  });
});
