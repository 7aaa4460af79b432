import "server-only";
import { isTerminalState, type BatchSnapshot } from "@/lib/batch-snapshot";
import type { BatchInsights } from "@/lib/batch-view";
import { etaRangeOf } from "./eta-range";
import { seriesWithLatest, toHistoryPoint, type HistoryPoint } from "./history-point";
import { isStalled } from "./stalled";
import { averageThroughput, recentThroughput } from "./throughput";

export type InsightsInput = {
  /** Stored points, any order; the latest snapshot is added to them. */
  points: HistoryPoint[];
  latest: BatchSnapshot;
  /** The scheduler's word that the settling tail is over. */
  final: boolean;
  /** Fresh polls in a row, ending with `latest`, whose counters matched. */
  unchangedPolls: number;
  storedCount: number;
};

/** Pure: everything is measured up to the latest snapshot's fetch time, not the wall clock. */
export function computeInsights({
  points,
  latest,
  final,
  unchangedPolls,
  storedCount,
}: InsightsInput): BatchInsights {
  const series = seriesWithLatest(points, toHistoryPoint(latest));
  const finished = isTerminalState(latest.state);
  const recent = finished ? null : recentThroughput(series);
  const average = averageThroughput(series, finished);
  const stalled = isStalled(series, latest, unchangedPolls);
  const allProcessed = latest.progress !== null && latest.progress >= 1;
  return {
    throughputPerMinute: { recent, average },
    etaRange: stalled ? null : etaRangeOf(latest, recent, average),
    stalled,
    provisional: !final && (finished || allProcessed),
    historyPoints: storedCount,
  };
}
