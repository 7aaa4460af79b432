"use client";

import { useQuery } from "@tanstack/react-query";
import dynamic from "next/dynamic";
import { useMemo } from "react";
import { ChartPlaceholder } from "@/components/batch/chart-placeholder";
import { PROGRESS_CHART_HEIGHT } from "@/components/batch/chart-sizes";
import { PaceCard } from "@/components/batch/pace-card";
import type { BatchView } from "@/lib/batch-view";
import { lastMoveAt, toChartPoints } from "@/lib/history-chart-points";
import { profileOf } from "@/lib/providers/profiles";
import type { ProviderId } from "@/lib/providers/provider-id";
import { batchHistoryPath, batchHistoryQueryOptions } from "@/lib/queries/batch-history";

const ProgressHistoryChart = dynamic(
  () =>
    import("@/components/batch/progress-history-chart").then(
      (module) => module.ProgressHistoryChart,
    ),
  {
    ssr: false,
    loading: () => <ChartPlaceholder title="Progress over time" height={PROGRESS_CHART_HEIGHT} />,
  },
);

type BatchHistoryProps = { provider: ProviderId; batchId: string; view: BatchView; now: number };

/** Pace, stalled/final markers and the progress chart, from the batch view and its stored history. */
export function BatchHistory({ provider, batchId, view, now }: BatchHistoryProps) {
  const { data } = useQuery(batchHistoryQueryOptions(provider, batchId, view));
  const points = useMemo(
    () =>
      toChartPoints(data?.points ?? [], { fetchedAt: view.fetchedAt, processed: view.processed }),
    [data, view.fetchedAt, view.processed],
  );
  // The page's clock ticks every second; the chart redraws only when its points change.
  const items = profileOf(provider).reports.items.many;
  const chart = useMemo(
    () => points.length >= 2 && <ProgressHistoryChart points={points} total={view.total} items={items} />,
    [points, view.total, items],
  );
  const since = view.insights?.stalled && data ? lastMoveAt(points) : null;
  const csvHref = batchHistoryPath(provider, batchId, "csv", {
    connectionId: view.polling?.connectionId,
  });
  return (
    <>
      <PaceCard
        view={view}
        stalledMinutes={since === null ? null : Math.max(1, Math.floor((now - since) / 60_000))}
        actions={
          <a
            href={csvHref}
            download
            className="text-sm font-medium text-outcome-active hover:underline"
            data-testid="batch-csv"
          >
            Download CSV
          </a>
        }
      />
      {chart}
    </>
  );
}
