import type { ReactNode } from "react";
import { Card } from "@/components/ui/card";
import { isTerminalState } from "@/lib/batch-snapshot";
import type { BatchView } from "@/lib/batch-view";
import { EMPTY_VALUE } from "@/lib/format";
import { formatEtaRange, formatRate } from "@/lib/format-pace";
import { BudgetNote } from "./budget-note";
import { PaceFigure } from "./pace-figure";
import { SettleBadge } from "./settle-badge";
import { StalledMarker } from "./stalled-marker";

function etaHint(known: boolean, stalled: boolean): string {
  if (known) return "estimated from the measured pace";
  return stalled ? "not moving" : "needs a few minutes of movement";
}

type PaceCardProps = {
  view: BatchView;
  /** Whole minutes since the count last moved, when stalled and known. */
  stalledMinutes: number | null;
  actions?: ReactNode;
};

/**
 * Measured pace. The provider's own ETA, when it gives one, stays the one shown (in the progress
 * card); the range measured from our history fills in only where the provider gives none.
 */
export function PaceCard({ view, stalledMinutes, actions }: PaceCardProps) {
  const { insights, polling } = view;
  const finished = isTerminalState(view.state);
  const showMeasuredEta = !finished && view.etaSeconds === null;
  const eta = insights?.etaRange;
  return (
    <Card title="Pace" actions={actions} aria-label="Pace" data-testid="batch-pace">
      <div className="space-y-4">
        {(polling?.final || insights?.provisional) && (
          <SettleBadge
            final={polling?.final ?? false}
            provisional={insights?.provisional ?? false}
          />
        )}
        {insights?.stalled && <StalledMarker minutes={stalledMinutes} />}
        <div className="grid gap-4 sm:grid-cols-3">
          <PaceFigure
            label="Recent throughput"
            value={formatRate(insights?.throughputPerMinute.recent)}
            hint="over the last 5 min"
            testId="batch-throughput-recent"
          />
          <PaceFigure
            label="Average throughput"
            value={formatRate(insights?.throughputPerMinute.average)}
            hint="since sending began"
            testId="batch-throughput-average"
          />
          {showMeasuredEta && (
            <PaceFigure
              label="Time left"
              value={eta ? formatEtaRange(eta.lowSeconds, eta.highSeconds) : EMPTY_VALUE}
              hint={etaHint(Boolean(eta), insights?.stalled ?? false)}
              testId="batch-eta-range"
            />
          )}
        </div>
        {polling?.limitedByBudget && (
          <BudgetNote budgetPerMinute={polling.budgetPerMinute} intervalMs={polling.intervalMs} />
        )}
      </div>
    </Card>
  );
}
