import Link from "next/link";
import type { ReactNode } from "react";
import type { FiringAlert } from "@/lib/alerts";
import { AlertChip } from "./alert-chip";
import { BatchErrorChip } from "@/components/batch/batch-error-chip";
import { BatchReason } from "@/components/batch/batch-reason";
import { STATE_STYLES } from "@/components/batch/batch-styles";
import { StateBadge } from "@/components/batch/state-badge";
import { ProgressBar } from "@/components/ui/progress-bar";
import { countOf, hasOutcome, isCountless } from "@/lib/batch-counts";
import { batchDisplayName, namedOtherThanId } from "@/lib/batch-name";
import type { BatchView } from "@/lib/batch-view";
import { cn } from "@/lib/class-names";
import { EMPTY_VALUE, formatCount, formatPercent } from "@/lib/format";
import { PROVIDER_INFO } from "@/lib/providers/provider-id";
import type { ProviderId } from "@/lib/providers/provider-id";
import { sendTimeOf } from "@/lib/send-time";
import { cardPaceText } from "@/lib/wall/card-pace";
import type { CardTier } from "@/lib/wall/grid-shape";
import type { HistoryPoint } from "@/lib/wall/history-store";
import { TIER_STYLES, units } from "./card-tier-styles";
import { ProgressLine } from "./progress-line";
import { StatusStrip } from "./status-strip";

type BatchCardProps = {
  batch: { provider: ProviderId; batchId: string; label: string | null };
  /** The batch as the API answers it; its insights, when there, give the pace line. */
  snapshot: BatchView | undefined;
  error: unknown;
  stale: boolean;
  tier: CardTier;
  history?: readonly HistoryPoint[];
  /** The view's clock, for a send time ("in 23 min"). */
  now: number;
  /** The batch page, for signed-in views only: a share link must lead nowhere. */
  href?: string;
  actions?: ReactNode;
  /** Alerts firing on this batch now. */
  alerts?: readonly FiringAlert[];
};

/**
 * One batch on a board or a wall: display only, its poller lives in the view above. Every size is
 * in text units (--u), which the board page sets to 1rem and a wall sets by the card's size.
 */
export function BatchCard({
  batch,
  snapshot,
  error,
  stale,
  tier,
  history,
  now,
  href,
  actions,
  alerts = [],
}: BatchCardProps) {
  const styles = TIER_STYLES[tier];
  const name = batchDisplayName(batch, snapshot);
  const provider = PROVIDER_INFO[batch.provider];
  const status = (
    <div className="flex shrink-0 items-center gap-[0.3em]">
      {snapshot && (
        <StateBadge
          state={snapshot.state}
          providerStatus={snapshot.providerStatus}
          size="inherit"
        />
      )}
      {error !== null && error !== undefined && <BatchErrorChip error={error} size="inherit" />}
      <AlertChip alerts={alerts} />
    </div>
  );
  return (
    <article
      data-testid="board-card"
      data-provider={batch.provider}
      data-batch-id={batch.batchId}
      data-state={snapshot?.state ?? "loading"}
      data-stale={stale}
      data-tier={tier}
      className={cn(
        "flex h-full min-h-0 min-w-0 flex-col overflow-hidden rounded-xl border bg-panel leading-[1.2]",
        stale ? "border-notice-warning/70" : "border-line",
      )}
      style={{ fontSize: "var(--u)", padding: `${units(0.55)} ${units(0.5)}`, gap: units(0.35) }}
    >
      <header className="flex min-w-0 shrink-0 flex-col gap-[calc(var(--u)*0.2)]">
        {styles.provider && (
          <div className="flex min-w-0 items-center justify-between gap-[0.5em]">
            <p className="min-w-0 truncate text-muted">
              {provider.name}
              {styles.channel && ` · ${provider.channel}`}
            </p>
            {status}
          </div>
        )}
        <div className="flex min-w-0 items-center justify-between gap-[0.5em]">
          <h2
            className="min-w-0 truncate font-semibold"
            style={{ fontSize: units(styles.name) }}
            title={name}
            data-testid="batch-name"
          >
            {href ? (
              <Link href={href} className="hover:underline">
                {name}
              </Link>
            ) : (
              name
            )}
          </h2>
          {!styles.provider && status}
        </div>
        {styles.id && namedOtherThanId(batch, snapshot) && (
          // Monospace capitals are shorter than the sans-serif ones: a tenth larger keeps them readable.
          <p className="truncate font-mono text-[1.1em] text-muted" data-testid="batch-id">
            {batch.batchId}
          </p>
        )}
        {snapshot && (
          <BatchReason reason={snapshot.reason} state={snapshot.state} className="truncate" />
        )}
      </header>

      <div
        data-testid="card-numbers"
        className={cn(
          "flex min-h-0 flex-1 flex-col gap-[inherit] transition-opacity duration-500",
          stale && "opacity-35 grayscale",
        )}
      >
        {!snapshot ? (
          <p className="text-muted" data-testid="card-loading" aria-busy={!error}>
            {error ? EMPTY_VALUE : "Loading…"}
          </p>
        ) : isCountless(snapshot) ? (
          <p className="shrink-0" data-testid="batch-send-time">
            {sendTimeOf(snapshot, now)}
          </p>
        ) : (
          <CardNumbers
            snapshot={snapshot}
            name={name}
            provider={batch.provider}
            tier={tier}
            history={history}
          />
        )}
      </div>
      {actions && (
        <footer className="mt-auto flex flex-wrap items-center justify-end gap-1 pt-2 text-sm">
          {actions}
        </footer>
      )}
    </article>
  );
}

type CardNumbersProps = {
  snapshot: BatchView;
  name: string;
  provider: ProviderId;
  tier: CardTier;
  history: readonly HistoryPoint[] | undefined;
};

/** The headline, counts, progress, pace and status strip of a batch that reports numbers. */
function CardNumbers({ snapshot, name, provider, tier, history }: CardNumbersProps) {
  const styles = TIER_STYLES[tier];
  const failures = countOf(snapshot, "failure");
  const unreached = hasOutcome(snapshot, "unreached") ? countOf(snapshot, "unreached") : undefined;
  const pace = styles.pace ? cardPaceText(snapshot) : null;
  return (
    <>
      <div className="flex shrink-0 items-center justify-between gap-x-[0.4em]">
        <p
          className="shrink-0 font-semibold leading-none tabular-nums"
          style={{ fontSize: units(styles.big) }}
          data-testid="card-headline"
        >
          {snapshot.progress !== null
            ? formatPercent(snapshot.progress)
            : formatCount(snapshot.processed)}
        </p>
        <div className="min-w-0 text-right tabular-nums [&>p]:truncate">
          <p>
            <span
              data-testid="batch-processed"
              data-value={snapshot.processed}
              className="font-semibold"
            >
              {formatCount(snapshot.processed)}
            </span>
            <span className="text-muted">
              {snapshot.total !== null ? ` / ${formatCount(snapshot.total)}` : " processed"}
            </span>
          </p>
          <p
            data-testid="batch-failures"
            data-value={failures}
            className={failures ? "font-semibold text-outcome-failure" : "text-muted"}
          >
            {formatCount(failures)} failed
          </p>
          {unreached !== undefined && (
            <p
              data-testid="batch-unreached"
              data-value={unreached}
              className={unreached ? "font-semibold text-outcome-unreached" : "text-muted"}
            >
              {formatCount(unreached)} not reached
            </p>
          )}
        </div>
      </div>
      <ProgressBar
        value={snapshot.progress}
        label={`Progress of ${name}`}
        fillClassName={STATE_STYLES[snapshot.state].fill}
        size="unit"
        testId="batch-progress"
        className="shrink-0"
      />
      {pace && (
        <p className="shrink-0 truncate tabular-nums" data-testid="card-pace">
          {pace}
        </p>
      )}
      {styles.strip && (
        <StatusStrip
          provider={provider}
          counts={snapshot.counts}
          showLegend={styles.legend}
          legendLines={history === undefined ? undefined : 2}
        />
      )}
      {styles.line && history && history.length > 1 && (
        <div className="min-h-[calc(var(--u)*2)] flex-1">
          <ProgressLine points={history} />
        </div>
      )}
    </>
  );
}
