import "server-only";
import type { BatchSnapshot, BatchState } from "@/lib/batch-snapshot";
import { countersFingerprint } from "./fingerprint";

/** One observation of a batch, as the insights read it. `at` is epoch milliseconds. */
export type HistoryPoint = {
  at: number;
  state: BatchState;
  processed: number;
  total: number | null;
  /** countersFingerprint: equal values mean the counters did not move. */
  counters: string;
};

export function toHistoryPoint(
  snapshot: BatchSnapshot,
  at: number = Date.parse(snapshot.fetchedAt),
): HistoryPoint {
  return {
    at,
    state: snapshot.state,
    processed: snapshot.processed,
    total: snapshot.total,
    counters: countersFingerprint(snapshot),
  };
}

/**
 * Stored rows hold only changes, so a batch's value between two points is the earlier one's.
 * The latest snapshot closes the series even when it was not stored for being unchanged.
 */
export function seriesWithLatest(points: HistoryPoint[], latest: HistoryPoint): HistoryPoint[] {
  const earlier = points.filter((point) => point.at < latest.at).sort((a, b) => a.at - b.at);
  return [...earlier, latest];
}

/** The first point of the run of equal values, by `same`, that ends the series. */
export function trailingRunStart(
  series: HistoryPoint[],
  same: (a: HistoryPoint, b: HistoryPoint) => boolean,
): HistoryPoint | undefined {
  const last = series.at(-1);
  if (!last) return undefined;
  let start = last;
  for (let index = series.length - 2; index >= 0; index--) {
    const point = series[index]!;
    if (!same(point, last)) break;
    start = point;
  }
  return start;
}
