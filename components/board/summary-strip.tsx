import { ProgressBar } from "@/components/ui/progress-bar";
import type { BoardSummaryCounts, ItemTally } from "@/lib/board-summary";
import { cn } from "@/lib/class-names";
import { capitalize, formatCount, formatPercent } from "@/lib/format";

const STATS = [
  { key: "running", label: "Running", tone: "text-state-running" },
  { key: "waiting", label: "Waiting", tone: "text-state-queued" },
  { key: "done", label: "Done", tone: "text-state-completed" },
  { key: "failed", label: "Failed", tone: "text-state-failed" },
] as const;

type SummaryStripProps = { summary: BoardSummaryCounts; compact?: boolean };

// Compact is the wall's top bar: the batch counts on one line, in the wall's text unit
// (--wall-min) so they read from across the room; its cards show the items and progress.
const LABEL = "text-xs uppercase tracking-wide text-muted sm:text-sm";
const STAT_LABEL = "text-xs text-muted sm:text-sm";
const COMPACT_LABEL = "text-muted";
const COMPACT_STAT = "flex items-baseline gap-[0.35em]";
const COMPACT_NUMBER = "text-[length:calc(var(--wall-min)*1.3)] font-semibold";

/**
 * Batches by where they are, then each kind of item apart (emails, messages, calls are never
 * added into one number), then overall progress.
 */
export function SummaryStrip({ summary, compact }: SummaryStripProps) {
  return (
    <section
      aria-label="Board summary"
      data-testid="board-summary"
      className={cn(
        "flex flex-wrap items-end tabular-nums",
        compact
          ? "items-center gap-x-[1em]"
          : "gap-x-8 gap-y-4 rounded-xl border border-line bg-panel p-4 sm:p-5",
      )}
    >
      <div role="group" aria-label="Batches">
        <p className={compact ? "sr-only" : LABEL}>Batches</p>
        <div className={compact ? "flex items-center gap-x-[1em]" : "mt-1 flex gap-x-5"}>
          {STATS.map((stat) => (
            <div key={stat.key} className={compact ? COMPACT_STAT : undefined}>
              <p className={compact ? COMPACT_LABEL : STAT_LABEL}>{stat.label}</p>
              <p
                data-testid={`summary-${stat.key}`}
                data-value={summary[stat.key]}
                aria-label={`Batches ${stat.label.toLowerCase()}: ${summary[stat.key]}`}
                className={cn(
                  compact ? COMPACT_NUMBER : "text-stat",
                  summary[stat.key] > 0 ? stat.tone : "text-faint",
                )}
              >
                {summary[stat.key]}
              </p>
            </div>
          ))}
        </div>
      </div>
      {summary.items.map((item) => (
        <ItemFigure key={item.noun} item={item} hidden={compact} />
      ))}
      <div className={compact ? "hidden" : "min-w-48 flex-1"}>
        <p className={LABEL}>
          Overall progress{" "}
          <span
            data-testid="summary-progress"
            data-value={summary.progress ?? ""}
            className="font-semibold text-ink"
          >
            {formatPercent(summary.progress)}
          </span>
        </p>
        <ProgressBar value={summary.progress} label="Overall progress" size="lg" className="mt-2" />
      </div>
    </section>
  );
}

function ItemFigure({ item, hidden }: { item: ItemTally; hidden?: boolean }) {
  return (
    <div data-testid={`summary-${item.noun}`} className={hidden ? "hidden" : undefined}>
      <p className={LABEL}>{capitalize(item.noun)} processed</p>
      <p
        data-testid={`summary-${item.noun}-processed`}
        data-value={item.processed}
        className="text-stat"
      >
        {formatCount(item.processed)}
      </p>
      <p className="text-sm sm:text-base">
        <span
          data-testid={`summary-${item.noun}-failed`}
          data-value={item.failed}
          className={item.failed > 0 ? "font-semibold text-outcome-failure" : "text-muted"}
        >
          {formatCount(item.failed)} failed
        </span>
        {item.unreached > 0 && (
          <span className="font-semibold text-outcome-unreached">
            {" · "}
            {formatCount(item.unreached)} not reached
          </span>
        )}
      </p>
    </div>
  );
}
