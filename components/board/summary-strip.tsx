import { ProgressBar } from "@/components/ui/progress-bar";
import type { BoardSummaryCounts } from "@/lib/board-summary";
import { cn } from "@/lib/class-names";
import { formatCount, formatPercent } from "@/lib/format";

const STATS = [
  { key: "running", label: "Running", tone: "text-state-running" },
  { key: "waiting", label: "Waiting", tone: "text-state-queued" },
  { key: "done", label: "Done", tone: "text-state-completed" },
  { key: "failed", label: "Failed", tone: "text-state-failed" },
] as const;

type SummaryStripProps = { summary: BoardSummaryCounts; compact?: boolean };

// Compact is the wall's top bar: the batch counts on one line, in the wall's text unit
// (--wall-min) so they read from across the room; its cards show the rest.
const LABEL = "text-xs uppercase tracking-wide text-muted sm:text-sm";
const COMPACT_LABEL = "text-muted";
const COMPACT_STAT = "flex items-baseline gap-[0.35em]";
const COMPACT_NUMBER = "text-[length:calc(var(--wall-min)*1.3)] font-semibold";

/** Batches by where they are, messages across the board, overall progress. */
export function SummaryStrip({ summary, compact }: SummaryStripProps) {
  return (
    <section
      aria-label="Board summary"
      data-testid="board-summary"
      className={cn(
        "grid items-end tabular-nums",
        compact
          ? "grid-flow-col items-center gap-x-[1em]"
          : "grid-cols-2 gap-4 rounded-xl border border-line bg-panel p-4 sm:grid-cols-3 sm:p-5 lg:grid-cols-[repeat(5,auto)_minmax(12rem,1fr)]",
      )}
    >
      {STATS.map((stat) => (
        <div key={stat.key} className={compact ? COMPACT_STAT : undefined}>
          <p className={compact ? COMPACT_LABEL : LABEL}>{stat.label}</p>
          <p
            data-testid={`summary-${stat.key}`}
            data-value={summary[stat.key]}
            className={cn(
              compact ? COMPACT_NUMBER : "text-stat",
              summary[stat.key] > 0 ? stat.tone : "text-faint",
            )}
          >
            {summary[stat.key]}
          </p>
        </div>
      ))}
      <div className={compact ? "hidden" : undefined}>
        <p className="text-xs uppercase tracking-wide text-muted sm:text-sm">Processed</p>
        <p
          data-testid="summary-processed"
          data-value={summary.processed}
          className={compact ? "text-stat-sm" : "text-stat"}
        >
          {formatCount(summary.processed)}
        </p>
      </div>
      <div className={compact ? "hidden" : "col-span-full lg:col-span-1"}>
        <p className="text-xs uppercase tracking-wide text-muted sm:text-sm">
          Overall progress{" "}
          <span
            data-testid="summary-progress"
            data-value={summary.progress ?? ""}
            className="font-semibold text-ink"
          >
            {formatPercent(summary.progress)}
          </span>
        </p>
        <ProgressBar
          value={summary.progress}
          label="Overall progress"
          size={compact ? "sm" : "lg"}
          className="mt-2"
        />
      </div>
    </section>
  );
}
