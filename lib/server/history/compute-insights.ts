import "server-only";
import { isTerminalState, type BatchSnapshot } from "@/lib/batch-snapshot";
import type { BatchInsights } from "@/lib/batch-view";
import { parseTimestamp } from "@/lib/format";
import { profileOf } from "@/lib/providers/profiles";
import { etaRangeOf } from "./eta-range";
import { seriesWithLatest, toHistoryPoint, type HistoryPoint } from "./history-point";
import { isStalled } from "./stalled";
import { averageSinceStart, averageThroughput, recentThroughput } from "./throughput";

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
  const startedAt = parseTimestamp(latest.startedAt);
  const average =
    startedAt === null
      ? averageThroughput(series, finished)
      : averageSinceStart(series, startedAt, finished, parseTimestamp(latest.completedAt));
  const stalled = isStalled(series, latest, unchangedPolls);
  const allProcessed = latest.progress !== null && latest.progress >= 1;
  // Only a provider with counts that arrive late (delivery receipts, call retries) is provisional.
  const lateCounts = profileOf(latest.provider).reports.lateCounts !== null;
  return {
    throughputPerMinute: { recent, average, averageSince: startedAt === null ? "watching-began" : "sending-began" },
    etaRange: stalled ? null : etaRangeOf(latest, recent, average),
    stalled,
    provisional: lateCounts && !final && (finished || allProcessed),
    historyPoints: storedCount,
  };
}
