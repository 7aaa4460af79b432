import "server-only";
import { trailingRunStart, type HistoryPoint } from "./history-point";

/** "Recent" throughput looks this far back from the latest snapshot. */
export const RECENT_WINDOW_MS = 5 * 60_000;
/** Shorter spans give rates too jumpy to show or to base an ETA on. */
export const MIN_RATE_SPAN_MS = 10_000;

/** Items per minute between two observations; null when too close together or counting backwards. */
export function ratePerMinute(
  fromProcessed: number,
  toProcessed: number,
  fromAt: number,
  toAt: number,
): number | null {
  const span = toAt - fromAt;
  const delta = toProcessed - fromProcessed;
  if (span < MIN_RATE_SPAN_MS || delta < 0) return null;
  return (delta / span) * 60_000;
}

/** The processed count at `at`: the value of the last change at or before it. */
export function processedAt(series: HistoryPoint[], at: number): number | null {
  let value: number | null = null;
  for (const point of series) {
    if (point.at > at) break;
    value = point.processed;
  }
  return value;
}

/**
 * Where counting began as far as the history shows: the last point of the opening run with the
 * first point's processed count, so time spent queued or scheduled does not dilute the rates.
 */
export function movementStart(series: HistoryPoint[]): HistoryPoint | undefined {
  const first = series[0];
  if (!first) return undefined;
  let start = first;
  for (const point of series) {
    if (point.processed !== first.processed) break;
    start = point;
  }
  return start;
}

export function recentThroughput(series: HistoryPoint[]): number | null {
  const start = movementStart(series);
  const end = series.at(-1);
  if (!start || !end) return null;
  const from = Math.max(end.at - RECENT_WINDOW_MS, start.at);
  const fromProcessed = processedAt(series, from);
  return fromProcessed === null ? null : ratePerMinute(fromProcessed, end.processed, from, end.at);
}

/** From the start of movement to the latest point; for a finished batch, to when its count last changed. */
export function averageThroughput(series: HistoryPoint[], finished: boolean): number | null {
  const start = movementStart(series);
  const end = finishedEnd(series, finished);
  if (!start || !end) return null;
  return ratePerMinute(start.processed, end.processed, start.at, end.at);
}

/**
 * Everything processed since the provider says sending began, however late we started
 * watching; for a finished batch up to its end (the provider's, else its count's last change).
 */
export function averageSinceStart(series: HistoryPoint[], startedAt: number, finished: boolean, completedAt: number | null): number | null {
  const end = finishedEnd(series, finished);
  if (!end) return null;
  const endAt = finished && completedAt !== null ? completedAt : end.at;
  return ratePerMinute(0, end.processed, startedAt, endAt);
}

function finishedEnd(series: HistoryPoint[], finished: boolean): HistoryPoint | undefined {
  return finished ? trailingRunStart(series, (a, b) => a.processed === b.processed) : series.at(-1);
}
