"use client";

import { useQuery } from "@tanstack/react-query";
import dynamic from "next/dynamic";
import { useState } from "react";
import { BatchDetails } from "@/components/batch/batch-details";
import { BatchErrorNotice } from "@/components/batch/batch-error-notice";
import { BatchNotes } from "@/components/batch/batch-notes";
import { BatchProgress } from "@/components/batch/batch-progress";
import { BatchStateCard } from "@/components/batch/batch-state-card";
import { BatchTimestamps } from "@/components/batch/batch-timestamps";
import { ChartPlaceholder } from "@/components/batch/chart-placeholder";
import { statusChartHeight } from "@/components/batch/chart-sizes";
import { DeliveryFunnel } from "@/components/batch/delivery-funnel";
import { StaleNotice } from "@/components/batch/stale-notice";
import { StatusCounters } from "@/components/batch/status-counters";
import { isCountless } from "@/lib/batch-counts";
import { batchFreshness, numbersUpdatedAt } from "@/lib/batch-freshness";
import { cn } from "@/lib/class-names";
import { useNow } from "@/lib/hooks/use-now";
import { batchQueryOptions, nextBatchPoll } from "@/lib/queries/batch";
import type { ProviderId } from "@/lib/providers/provider-id";
import { batchDisplayName } from "@/lib/batch-name";
import { BatchActions } from "./batch-actions";
import { BatchHeading } from "./batch-heading";
import { BatchHistory } from "./batch-history";
import { BatchLoading } from "./batch-loading";
import { RecipientsPanel } from "./recipients-panel";

// Recharts is large: it loads only here, after the numbers are already on screen.
const StatusBarChart = dynamic(
  () => import("@/components/batch/status-bar-chart").then((module) => module.StatusBarChart),
  {
    ssr: false,
    loading: () => <ChartPlaceholder title="By status" height={statusChartHeight(4)} />,
  },
);

type BatchViewProps = {
  provider: ProviderId;
  batchId: string;
  connectionId?: string;
  path: string;
  /** The team's label of the batch when the page was served. */
  initialLabel: string | null;
  /** May pause, resume, cancel or stop sends (admins, operators). */
  canAct: boolean;
};

export function BatchView({ provider, batchId, connectionId, path, initialLabel, canAct }: BatchViewProps) {
  const query = useQuery(batchQueryOptions(provider, batchId, { connectionId }));
  const [label, setLabel] = useState(initialLabel);
  const { data, error, isError } = query;
  const now = useNow();
  const freshness = batchFreshness(query, now);
  const stale = freshness.stale;

  return (
    <div className="space-y-5 sm:space-y-6">
      <BatchHeading
        provider={provider}
        batchId={batchId}
        connectionId={data?.polling?.connectionId ?? connectionId}
        label={label}
        onLabelSaved={setLabel}
        snapshot={data}
        updatedAt={data ? numbersUpdatedAt(data) : null}
        now={now}
        interval={nextBatchPoll(data, isError ? error : null)}
        stale={stale}
      />

      {isError && (
        <BatchErrorNotice
          error={error}
          provider={provider}
          keepsData={Boolean(data)}
          signInPath={path}
        />
      )}
      {data && stale && <StaleNotice servedFromCache={freshness.cause === "cached"} />}
      {data && (
        <BatchActions
          // As the page's query is keyed, so the answer replaces what it shows.
          target={{ provider, batchId, connectionId }}
          name={batchDisplayName({ batchId, label }, data)}
          snapshot={data}
          canAct={canAct}
          now={now}
        />
      )}

      {data ? (
        <div
          data-testid="batch-data"
          data-stale={stale}
          className={cn(
            "space-y-5 transition-opacity duration-500 sm:space-y-6",
            stale && "opacity-45 saturate-50",
          )}
        >
          {isCountless(data) ? (
            <BatchStateCard snapshot={data} now={now} />
          ) : (
            <>
              <BatchProgress view={data} now={now} />
              <BatchHistory provider={provider} batchId={batchId} view={data} now={now} />
              <StatusCounters provider={provider} counts={data.counts} total={data.total} />
            </>
          )}
          <div className="grid gap-5 sm:gap-6 xl:grid-cols-2">
            {data.counts.length > 0 && <StatusBarChart counts={data.counts} />}
            {data.funnel && data.funnel.length > 0 && <DeliveryFunnel steps={data.funnel} />}
            <BatchTimestamps snapshot={data} now={now} />
            <BatchDetails details={data.details} />
            {/* Without a percentage the notes sit with the progress, or on the state card. */}
            {data.progress !== null ? <BatchNotes notes={data.notes} /> : null}
          </div>
        </div>
      ) : (
        !isError && <BatchLoading provider={provider} />
      )}
      {/* Outside the stale dimming: its rows are read on their own, when it is opened. */}
      {data && (
        <RecipientsPanel
          provider={provider}
          batchId={batchId}
          connectionId={data.polling?.connectionId ?? connectionId}
        />
      )}
    </div>
  );
}
