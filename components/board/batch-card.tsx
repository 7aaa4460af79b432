import Link from "next/link";
import type { ReactNode } from "react";
import { BatchErrorChip } from "@/components/batch/batch-error-chip";
import { BatchReason } from "@/components/batch/batch-reason";
import { STATE_STYLES } from "@/components/batch/batch-styles";
import { StateBadge } from "@/components/batch/state-badge";
import { ProgressBar } from "@/components/ui/progress-bar";
import type { BatchSnapshot } from "@/lib/batch-snapshot";
import { countOf, hasOutcome, isCountless } from "@/lib/batch-counts";
import { cn } from "@/lib/class-names";
import { EMPTY_VALUE, formatCount, formatPercent } from "@/lib/format";
import { PROVIDER_INFO } from "@/lib/providers/provider-id";
import { sendTimeOf } from "@/lib/send-time";
import type { ProviderId } from "@/lib/providers/provider-id";
import type { CardTier } from "@/lib/wall/grid-shape";
import type { HistoryPoint } from "@/lib/wall/history-store";
import { TIER_STYLES } from "./card-tier-styles";
import { ProgressLine } from "./progress-line";
import { StatusStrip } from "./status-strip";

type BatchCardProps = {
  batch: { provider: ProviderId; batchId: string; label: string | null };
  snapshot: BatchSnapshot | undefined;
  error: unknown;
  stale: boolean;
  tier: CardTier;
  history?: readonly HistoryPoint[];
  /** The view's clock, for a send time ("in 23 min"). */
  now: number;
  /** The batch page, for signed-in views only: a share link must lead nowhere. */
  href?: string;
  actions?: ReactNode;
};

/** One batch on a board or a wall: display only, its poller lives in the view above. */
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
}: BatchCardProps) {
  const styles = TIER_STYLES[tier];
  const name = batch.label ?? batch.batchId;
  const failures = snapshot ? countOf(snapshot, "failure") : undefined;
  const unreached =
    snapshot && hasOutcome(snapshot, "unreached") ? countOf(snapshot, "unreached") : undefined;
  const countless = snapshot !== undefined && isCountless(snapshot);
  const showPercent = snapshot?.progress !== null && snapshot?.progress !== undefined;
  return (
    <article
      data-testid="board-card"
      data-provider={batch.provider}
      data-batch-id={batch.batchId}
      data-state={snapshot?.state ?? "loading"}
      data-stale={stale}
      className={cn(
        "flex h-full min-h-0 min-w-0 flex-col overflow-hidden rounded-xl border bg-panel",
        stale ? "border-notice-warning/70" : "border-line",
        styles.card,
      )}
    >
      <header className="flex min-w-0 shrink-0 items-start justify-between gap-3">
        <div className="min-w-0">
          <p className="truncate text-xs text-muted sm:text-sm">
            {PROVIDER_INFO[batch.provider].name} · {PROVIDER_INFO[batch.provider].channel}
          </p>
          <h2 className={cn("truncate font-semibold leading-tight", styles.name)} title={name}>
            {href ? (
              <Link href={href} className="hover:underline">
                {name}
              </Link>
            ) : (
              name
            )}
          </h2>
          {batch.label && tier !== "xs" && (
            <p className="truncate font-mono text-xs text-faint">{batch.batchId}</p>
          )}
          {snapshot && (
            <BatchReason
              reason={snapshot.reason}
              state={snapshot.state}
              className="truncate text-sm sm:text-base"
            />
          )}
        </div>
        <div className="flex shrink-0 flex-col items-end gap-1">
          {snapshot && (
            <StateBadge
              state={snapshot.state}
              providerStatus={snapshot.providerStatus}
              size={tier === "xl" || tier === "lg" ? "lg" : "sm"}
            />
          )}
          {error !== null && error !== undefined && <BatchErrorChip error={error} />}
        </div>
      </header>

      <div
        data-testid="card-numbers"
        className={cn(
          "flex min-h-0 flex-1 flex-col gap-[inherit] transition-opacity duration-500",
          stale && "opacity-35 grayscale",
        )}
      >
        {!snapshot ? (
          <p
            className={cn("text-muted", styles.side)}
            data-testid="card-loading"
            aria-busy={!error}
          >
            {error ? EMPTY_VALUE : "Loading…"}
          </p>
        ) : countless ? (
          <p className={cn("shrink-0", styles.side)} data-testid="batch-send-time">
            {sendTimeOf(snapshot, now)}
          </p>
        ) : (
          <>
            <div className="flex shrink-0 flex-wrap items-end justify-between gap-x-4">
              <p className={cn("tabular-nums", styles.big)} data-testid="card-headline">
                {showPercent ? formatPercent(snapshot.progress) : formatCount(snapshot.processed)}
              </p>
              <div className={cn("text-right tabular-nums leading-tight", styles.side)}>
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
              size={styles.bar}
              testId="batch-progress"
              className="shrink-0"
            />
            {tier !== "xs" && (
              <StatusStrip
                provider={batch.provider}
                counts={snapshot.counts}
                showLegend={styles.legend}
              />
            )}
            {styles.line && history && history.length > 1 && (
              <div className="min-h-8 flex-1">
                <ProgressLine points={history} />
              </div>
            )}
          </>
        )}
      </div>
      {actions && (
        <footer className="mt-auto flex flex-wrap items-center justify-end gap-1 pt-2">
          {actions}
        </footer>
      )}
    </article>
  );
}
