import type { ReactNode } from "react";
import { Card } from "@/components/ui/card";
import type { BatchView } from "@/lib/batch-view";
import { formatRate } from "@/lib/format-pace";
import { profileOf } from "@/lib/providers/profiles";
import { BudgetNote } from "./budget-note";
import { PaceFigure } from "./pace-figure";
import { SettleBadge } from "./settle-badge";
import { StalledMarker } from "./stalled-marker";

type PaceCardProps = {
  view: BatchView;
  /** Whole minutes since the count last moved, when stalled and known. */
  stalledMinutes: number | null;
  actions?: ReactNode;
};

/** Measured pace; the time left it leads to sits with the progress (time-left.tsx). */
export function PaceCard({ view, stalledMinutes, actions }: PaceCardProps) {
  const { insights, polling } = view;
  const { lateCounts } = profileOf(view.provider).reports;
  const fromStart = insights?.throughputPerMinute.averageSince === "sending-began";
  return (
    <Card title="Pace" actions={actions} aria-label="Pace" data-testid="batch-pace">
      <div className="space-y-4">
        <SettleBadge
          final={polling?.final ?? false}
          provisional={insights?.provisional ?? false}
          lateCounts={lateCounts}
        />
        {insights?.stalled && <StalledMarker minutes={stalledMinutes} />}
        <div className="grid gap-4 sm:grid-cols-2">
          <PaceFigure
            label="Recent throughput"
            value={formatRate(insights?.throughputPerMinute.recent)}
            hint="over the last 5 min"
            testId="batch-throughput-recent"
          />
          <PaceFigure
            label="Average throughput"
            value={formatRate(insights?.throughputPerMinute.average)}
            hint={fromStart ? "since sending began" : "since watching began"}
            testId="batch-throughput-average"
          />
        </div>
        {polling?.limitedByBudget && (
          <BudgetNote budgetPerMinute={polling.budgetPerMinute} intervalMs={polling.intervalMs} />
        )}
      </div>
    </Card>
  );
}
