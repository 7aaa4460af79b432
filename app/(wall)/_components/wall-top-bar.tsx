import { SummaryStrip } from "@/components/board/summary-strip";
import type { BoardSummaryCounts } from "@/lib/board-summary";
import { EMPTY_VALUE, formatRelativeTime } from "@/lib/format";
import type { WallUpdated } from "@/lib/wall/freshness";

type WallTopBarProps = {
  name: string;
  summary: BoardSummaryCounts;
  updated: WallUpdated;
  now: number;
};

function updatedText(updated: WallUpdated, now: number): string {
  if (updated.kind === "final") return "All batches final";
  if (updated.kind === "none") return `Updated ${EMPTY_VALUE}`;
  return `Updated ${formatRelativeTime(Math.min(updated.at, now), now)}`;
}

function clockTime(ms: number): string {
  return new Intl.DateTimeFormat(undefined, { hour: "2-digit", minute: "2-digit" }).format(ms);
}

/** One line across the top, in the wall's type: every size is a multiple of --wall-min. */
export function WallTopBar({ name, summary, updated, now }: WallTopBarProps) {
  return (
    <header className="flex shrink-0 items-center justify-between gap-[1em] px-[0.2em] pb-[0.3em]">
      <h1
        data-testid="wall-title"
        className="min-w-0 truncate text-[length:calc(var(--wall-min)*1.4)] font-semibold"
        title={name}
      >
        {name}
      </h1>
      <div className="hidden min-w-0 lg:block">
        <SummaryStrip summary={summary} compact />
      </div>
      <div className="flex shrink-0 items-baseline gap-[0.6em] text-right tabular-nums">
        <p
          data-testid="wall-clock"
          className="text-[length:calc(var(--wall-min)*1.4)] font-semibold"
          suppressHydrationWarning
        >
          {clockTime(now)}
        </p>
        <p data-testid="wall-updated" className="text-muted" suppressHydrationWarning>
          {updatedText(updated, now)}
        </p>
      </div>
    </header>
  );
}
