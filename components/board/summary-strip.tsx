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

const LABEL = "text-xs uppercase tracking-wide text-muted sm:text-sm";

type SummaryStripProps = { summary: BoardSummaryCounts; compact?: boolean };

/**
 * Batches by where they are, then each kind of item apart (emails, messages, calls are never
 * added into one number), then overall progress.
 */
export function SummaryStrip({ summary, compact }: SummaryStripProps) {
  const figure = compact ? "text-stat-sm" : "text-stat";
  return (
    <section
      aria-label="Board summary"
      data-testid="board-summary"
      className={cn(
        "flex flex-wrap items-end tabular-nums",
        compact
          ? "gap-x-6 gap-y-2"
          : "gap-x-8 gap-y-4 rounded-xl border border-line bg-panel p-4 sm:p-5",
      )}
    >
      <div role="group" aria-label="Batches">
        <p className={LABEL}>Batches</p>
        <div className="mt-1 flex gap-x-5">
          {STATS.map((stat) => (
            <div key={stat.key}>
              <p className="text-xs text-muted sm:text-sm">{stat.label}</p>
              <p
                data-testid={`summary-${stat.key}`}
                data-value={summary[stat.key]}
                aria-label={`Batches ${stat.label.toLowerCase()}: ${summary[stat.key]}`}
                className={cn(figure, summary[stat.key] > 0 ? stat.tone : "text-faint")}
              >
                {summary[stat.key]}
              </p>
            </div>
          ))}
        </div>
      </div>
      {summary.items.map((item) => (
        <ItemFigure key={item.noun} item={item} figure={figure} />
      ))}
      <div className={compact ? "hidden min-w-40 flex-1 xl:block" : "min-w-48 flex-1"}>
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

function ItemFigure({ item, figure }: { item: ItemTally; figure: string }) {
  return (
    <div data-testid={`summary-${item.noun}`}>
      <p className={LABEL}>{capitalize(item.noun)} processed</p>
      <p
        data-testid={`summary-${item.noun}-processed`}
        data-value={item.processed}
        className={figure}
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
