import { describe, expect, it } from "vitest";
import { callStatusCounts, NORMAL_MIX } from "./call-progress";
import { funnel, shareDone, tally } from "./progress";

const run = { startMs: 1_000_000, durationMs: 600_000 };
const moments = Array.from({ length: 41 }, (_, i) => run.startMs - 30_000 + i * 20_000);

describe("progress model", () => {
  it("moves linearly from 0 to 1 over the run", () => {
    expect(shareDone(run, run.startMs - 1)).toBe(0);
    expect(shareDone(run, run.startMs + 300_000)).toBe(0.5);
    expect(shareDone(run, run.startMs + 10 * 600_000)).toBe(1);
  });

  it("keeps tallies whole and never losing items", () => {
    for (const share of [0, 0.13, 0.5, 0.99, 1]) {
      const t = tally(2400, share, 0.02);
      expect(t.succeeded + t.failed + t.remaining).toBe(2400);
    }
  });

  it("keeps the funnel nested and every counter rising", () => {
    let previous = funnel(1500, run, moments[0]!, 0.01);
    for (const now of moments) {
      const f = funnel(1500, run, now, 0.01);
      expect(f.read).toBeLessThanOrEqual(f.delivered);
      expect(f.delivered).toBeLessThanOrEqual(f.succeeded);
      expect(f.succeeded + f.failed + f.remaining).toBe(1500);
      for (const key of ["succeeded", "failed", "delivered", "read"] as const) {
        expect(f[key]).toBeGreaterThanOrEqual(previous[key]);
      }
      previous = f;
    }
  });

  it("accounts for every call and ends with terminal statuses only", () => {
    for (const share of [0, 0.2, 0.5, 0.8, 1]) {
      const counts = callStatusCounts(184, share, NORMAL_MIX);
      expect(Object.values(counts).reduce((a, n) => a + n, 0)).toBe(184);
    }
    expect(callStatusCounts(184, 0, NORMAL_MIX)).toEqual({ queued: 184 });
    const done = callStatusCounts(184, 1, NORMAL_MIX);
    expect(
      Object.keys(done).every((s) => ["completed", "busy", "no-answer", "failed"].includes(s)),
    ).toBe(true);
    expect(done.completed).toBeGreaterThan(150);
  });

  it("stops calls not yet dialled when a batch is stopped", () => {
    const stopped = callStatusCounts(184, 1, NORMAL_MIX, 0.35);
    expect(stopped.stopped).toBeGreaterThan(90);
  });
});
