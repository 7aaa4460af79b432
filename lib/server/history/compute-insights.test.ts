import { describe, expect, it } from "vitest";
import { computeInsights, type InsightsInput } from "./compute-insights";
import { pointAt, snapshotAt } from "./test-support";

const input = (
  overrides: Partial<InsightsInput> & Pick<InsightsInput, "latest">,
): InsightsInput => ({
  points: [],
  final: false,
  unchangedPolls: 1,
  storedCount: 0,
  ...overrides,
});

describe("computeInsights: throughput", () => {
  it("measures recent over the last 5 minutes and average since counting began, per minute", () => {
    // Queued for 10 min at 0 (not counted), then 100/min for 10 min, then 300/min for 5 min.
    const points = [
      pointAt(0, { state: "queued" }),
      pointAt(600, { processed: 0 }),
      pointAt(1_200, { processed: 1_000, total: 5_000 }),
    ];
    const latest = snapshotAt(1_500, { processed: 2_500, total: 5_000 });
    const { throughputPerMinute } = computeInsights(input({ points, latest }));
    expect(throughputPerMinute.recent).toBeCloseTo(300);
    expect(throughputPerMinute.average).toBeCloseTo(2_500 / 15);
  });

  it("reads an unchanged stretch as flat: stored rows are changes only", () => {
    // 500 reached at 60 s and unchanged (so not stored again) until the latest poll at 600 s.
    const points = [pointAt(0, { processed: 0 }), pointAt(60, { processed: 500 })];
    const latest = snapshotAt(600, { processed: 500 });
    expect(computeInsights(input({ points, latest })).throughputPerMinute.recent).toBe(0);
  });

  it("has no rates from a single observation or a span under 10 s", () => {
    expect(
      computeInsights(input({ latest: snapshotAt(0, { processed: 10 }) })).throughputPerMinute,
    ).toEqual({ recent: null, average: null, averageSince: "watching-began" });
    const points = [pointAt(0, { processed: 0 })];
    expect(
      computeInsights(input({ points, latest: snapshotAt(5, { processed: 50 }) }))
        .throughputPerMinute,
    ).toEqual({ recent: null, average: null, averageSince: "watching-began" });
  });

  it("ends a finished batch's average when its count last changed, and drops recent", () => {
    const points = [
      pointAt(0, { processed: 0 }),
      pointAt(600, { processed: 1_000, state: "completed" }),
    ];
    const latest = snapshotAt(1_800, { processed: 1_000, state: "completed" });
    expect(computeInsights(input({ points, latest })).throughputPerMinute).toEqual({
      recent: null,
      average: 100,
      averageSince: "watching-began",
    });
  });

  it("takes the average since the provider's start of sending when it reports one, not since watching began", () => {
    // Started 20 min before the first snapshot we saw, with 2,000 done then; 2,500 at 5 min in.
    const startedAt = new Date(Date.parse(snapshotAt(0).fetchedAt) - 20 * 60_000).toISOString();
    const points = [pointAt(0, { processed: 2_000 })];
    const latest = snapshotAt(300, { processed: 2_500, total: 5_000, startedAt });
    const { throughputPerMinute, etaRange } = computeInsights(input({ points, latest }));
    expect(throughputPerMinute).toEqual({ recent: 100, average: 100, averageSince: "sending-began" });
    expect(etaRange).toEqual({ lowSeconds: 1_125, highSeconds: 1_875 });
    // Finished: over the provider's start to its end.
    const completedAt = new Date(Date.parse(startedAt) + 10 * 60_000).toISOString();
    const done = snapshotAt(600, { processed: 5_000, total: 5_000, state: "completed", startedAt, completedAt });
    expect(computeInsights(input({ points, latest: done })).throughputPerMinute.average).toBe(500);
  });
});

describe("computeInsights: ETA range", () => {
  it("spans the faster and the slower of recent and average", () => {
    const points = [pointAt(0, { processed: 0 }), pointAt(600, { processed: 1_000 })];
    // average 2,000 / 15 min = 133.3/min; recent (600 → 900 s) 1,000 / 5 min = 200/min; 3,000 left.
    const latest = snapshotAt(900, { processed: 2_000, total: 5_000 });
    expect(computeInsights(input({ points, latest })).etaRange).toEqual({
      lowSeconds: 900,
      highSeconds: 1_350,
    });
  });

  it("is ±25 % around one rate when recent and average are the same measurement", () => {
    // 90 s of history, shorter than the recent window: both rates are 400/min; 400 left = 60 s.
    const points = [pointAt(0, { processed: 0 })];
    const latest = snapshotAt(90, { processed: 600, total: 1_000 });
    const { throughputPerMinute, etaRange } = computeInsights(input({ points, latest }));
    expect(throughputPerMinute).toEqual({ recent: 400, average: 400, averageSince: "watching-began" });
    expect(etaRange).toEqual({ lowSeconds: 45, highSeconds: 75 });
  });

  it("is null without a total, when nothing moves now, when paused and when finished", () => {
    const points = [pointAt(0, { processed: 0 }), pointAt(60, { processed: 500 })];
    expect(
      computeInsights(input({ points, latest: snapshotAt(120, { processed: 600, total: null }) }))
        .etaRange,
    ).toBeNull();
    expect(
      computeInsights(input({ points, latest: snapshotAt(600, { processed: 500 }) })).etaRange,
    ).toBeNull();
    expect(
      computeInsights(
        input({ points, latest: snapshotAt(120, { processed: 600, state: "paused" }) }),
      ).etaRange,
    ).toBeNull();
    expect(
      computeInsights(
        input({ points, latest: snapshotAt(120, { processed: 600, state: "partial" }) }),
      ).etaRange,
    ).toBeNull();
  });
});

describe("computeInsights: stalled", () => {
  // Counters last moved at 100 s; the latest fresh poll is at 200 s.
  const points = [pointAt(0, { processed: 0 }), pointAt(100, { processed: 300 })];
  const stalledInput = { points, latest: snapshotAt(200, { processed: 300 }), unchangedPolls: 5 };

  it("is stalled after ≥ 4 unchanged fresh polls spanning ≥ 60 s while items are pending", () => {
    const insights = computeInsights(input(stalledInput));
    expect(insights.stalled).toBe(true);
    expect(insights.etaRange).toBeNull();
  });

  it("is not stalled with too few polls, too short a span, or data that is stale", () => {
    expect(computeInsights(input({ ...stalledInput, unchangedPolls: 3 })).stalled).toBe(false);
    expect(
      computeInsights(input({ ...stalledInput, latest: snapshotAt(150, { processed: 300 }) }))
        .stalled,
    ).toBe(false);
    expect(
      computeInsights(
        input({ ...stalledInput, latest: snapshotAt(200, { processed: 300, stale: true }) }),
      ).stalled,
    ).toBe(false);
  });

  it("is not stalled when only a status count moved, nor when nothing is pending", () => {
    const moved = snapshotAt(200, { processed: 300 });
    moved.counts = moved.counts.map((count) =>
      count.status === "pending" ? { ...count, count: count.count - 1 } : count,
    );
    const points190 = [...points, pointAt(190, { processed: 300, counts: moved.counts })];
    expect(
      computeInsights(input({ ...stalledInput, points: points190, latest: moved })).stalled,
    ).toBe(false);
    expect(
      computeInsights(input({ ...stalledInput, latest: snapshotAt(200, { processed: 1_000 }) }))
        .stalled,
    ).toBe(false);
  });

  it("does not call a batch still waiting in the queue stalled, but does one that started", () => {
    const queued = [pointAt(0, { state: "queued" })];
    expect(
      computeInsights(
        input({ points: queued, latest: snapshotAt(300, { state: "queued" }), unchangedPolls: 30 }),
      ).stalled,
    ).toBe(false);
    expect(
      computeInsights(
        input({ ...stalledInput, latest: snapshotAt(200, { processed: 300, state: "queued" }) }),
      ).stalled,
    ).toBe(true);
  });
});

describe("computeInsights: provisional", () => {
  it("is provisional from 100 % or a terminal state until the scheduler says final", () => {
    expect(
      computeInsights(input({ latest: snapshotAt(0, { processed: 1_000 }) })).provisional,
    ).toBe(true);
    expect(
      computeInsights(input({ latest: snapshotAt(0, { processed: 10, state: "failed" }) }))
        .provisional,
    ).toBe(true);
    expect(
      computeInsights(
        input({ latest: snapshotAt(0, { processed: 1_000, state: "completed" }), final: true }),
      ).provisional,
    ).toBe(false);
    expect(computeInsights(input({ latest: snapshotAt(0, { processed: 999 }) })).provisional).toBe(
      false,
    );
  });

  it("is never provisional for a provider whose counts do not arrive late", () => {
    const migma = snapshotAt(0, { provider: "migma", batchId: "sim-completed", processed: 1_000, state: "completed" });
    expect(computeInsights(input({ latest: migma })).provisional).toBe(false);
  });

  it("passes the stored count through", () => {
    expect(computeInsights(input({ latest: snapshotAt(0), storedCount: 42 })).historyPoints).toBe(
      42,
    );
  });
});
