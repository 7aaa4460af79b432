import type { HistoryPoint } from "./batch-history";
import type { BatchSnapshot } from "./batch-snapshot";
import { parseTimestamp } from "./format";

export type ProgressChartPoint = { at: number; processed: number };

/**
 * The stored points, closed by the live snapshot: history stores changes only, so without it the
 * line would stop at the last change instead of reaching now.
 */
export function toChartPoints(
  history: HistoryPoint[],
  live: Pick<BatchSnapshot, "fetchedAt" | "processed">,
): ProgressChartPoint[] {
  const points = history.flatMap((point) => {
    const at = parseTimestamp(point.at);
    return at === null ? [] : [{ at, processed: point.processed }];
  });
  const liveAt = parseTimestamp(live.fetchedAt);
  const last = points.at(-1);
  if (liveAt !== null && (!last || liveAt > last.at))
    points.push({ at: liveAt, processed: live.processed });
  return points;
}

/** When the processed count last changed: the first point of the run that ends the series. */
export function lastMoveAt(points: ProgressChartPoint[]): number | null {
  const last = points.at(-1);
  if (!last) return null;
  let since = last.at;
  for (let index = points.length - 2; index >= 0; index--) {
    const point = points[index]!;
    if (point.processed !== last.processed) break;
    since = point.at;
  }
  return since;
}
