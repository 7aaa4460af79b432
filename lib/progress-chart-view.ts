import type { ProgressChartPoint } from "./history-chart-points";

// What the progress chart shows of its points: a time range, time ticks that fit the span, and a
// y-axis from zero to the total or fitted to the data.

export const CHART_RANGES = [
  { id: "15m", label: "15 min", ms: 15 * 60_000 },
  { id: "1h", label: "1 h", ms: 60 * 60_000 },
  { id: "all", label: "All", ms: null },
] as const;
export type ChartRangeId = (typeof CHART_RANGES)[number]["id"];

export type ChartWindow = { points: ProgressChartPoint[]; start: number; end: number };

/**
 * The points of the last `ms` before the newest one. History holds changes only, so the count at
 * the window's left edge is the last one before it: that point moves to the edge.
 */
export function pointsInRange(points: ProgressChartPoint[], ms: number | null): ChartWindow {
  const first = points[0];
  const last = points.at(-1);
  if (!first || !last) return { points, start: 0, end: 0 };
  const start = ms === null ? first.at : Math.max(first.at, last.at - ms);
  const inside = points.filter((point) => point.at >= start);
  const before = points.filter((point) => point.at < start).at(-1);
  return {
    points: before ? [{ at: start, processed: before.processed }, ...inside] : inside,
    start,
    end: last.at,
  };
}

const SECOND = 1_000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const STEPS = [
  SECOND,
  2 * SECOND,
  5 * SECOND,
  10 * SECOND,
  15 * SECOND,
  30 * SECOND,
  MINUTE,
  2 * MINUTE,
  5 * MINUTE,
  10 * MINUTE,
  15 * MINUTE,
  30 * MINUTE,
  HOUR,
  2 * HOUR,
  3 * HOUR,
  6 * HOUR,
  12 * HOUR,
  DAY,
  2 * DAY,
  7 * DAY,
];

/** How a tick reads: with seconds for short spans, the hour and minute, or the day. */
export type TickUnit = "second" | "minute" | "day";

/**
 * At most `maxTicks` round times between start and end (on whole local minutes, hours…), one
 * step apart, labelled in the unit the step needs, so no two labels read the same.
 * `offsetMs` is the local time's offset from UTC (positive east of Greenwich).
 */
export function timeTicks(
  start: number,
  end: number,
  maxTicks: number,
  offsetMs = 0,
): { ticks: number[]; unit: TickUnit } {
  const wanted = Math.max(2, maxTicks);
  const ticksOf = (step: number) => {
    const ticks: number[] = [];
    const first = Math.ceil((start + offsetMs) / step) * step - offsetMs;
    for (let at = first; at <= end && ticks.length <= wanted; at += step) ticks.push(at);
    return ticks;
  };
  // The finest round step that gives no more ticks than fit.
  const step = STEPS.find((candidate) => ticksOf(candidate).length <= wanted) ?? STEPS.at(-1)!;
  return { ticks: ticksOf(step), unit: step < MINUTE ? "second" : step < DAY ? "minute" : "day" };
}

/** The y-axis: from zero to the total (or the data, if it passed it), or fitted around the data. */
export function yDomain(
  points: ProgressChartPoint[],
  total: number | null,
  fit: boolean,
): [number, number] {
  const values = points.map((point) => point.processed);
  const high = Math.max(0, ...values);
  if (!fit) return [0, Math.max(1, total ?? 0, high)];
  const low = Math.min(high, ...values);
  const pad = Math.max(1, Math.ceil((high - low) * 0.1));
  return [Math.max(0, low - pad), high + pad];
}
