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

/** Batches by where they are, messages across the board, overall progress. */
export function SummaryStrip({ summary, compact }: SummaryStripProps) {
  return (
    <section
      aria-label="Board summary"
      data-testid="board-summary"
      className={cn(
        "grid items-end tabular-nums",
        compact
          ? "grid-flow-col gap-x-6"
          : "grid-cols-2 gap-4 rounded-xl border border-line bg-panel p-4 sm:grid-cols-3 sm:p-5 lg:grid-cols-[repeat(5,auto)_minmax(12rem,1fr)]",
      )}
    >
      {STATS.map((stat) => (
        <div key={stat.key}>
          <p className="text-xs uppercase tracking-wide text-muted sm:text-sm">{stat.label}</p>
          <p
            data-testid={`summary-${stat.key}`}
            data-value={summary[stat.key]}
            className={cn(
              compact ? "text-stat-sm" : "text-stat",
              summary[stat.key] > 0 ? stat.tone : "text-faint",
            )}
          >
            {summary[stat.key]}
          </p>
        </div>
      ))}
      <div>
        <p className="text-xs uppercase tracking-wide text-muted sm:text-sm">Processed</p>
        <p
          data-testid="summary-processed"
          data-value={summary.processed}
          className={compact ? "text-stat-sm" : "text-stat"}
        >
          {formatCount(summary.processed)}
        </p>
      </div>
      <div className={compact ? "hidden min-w-40 xl:block" : "col-span-full lg:col-span-1"}>
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
