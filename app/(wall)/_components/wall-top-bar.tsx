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

export function WallTopBar({ name, summary, updated, now }: WallTopBarProps) {
  return (
    <header className="flex shrink-0 items-end justify-between gap-6 px-1 pb-3">
      <h1
        data-testid="wall-title"
        className="min-w-0 truncate text-3xl font-semibold xl:text-4xl"
        title={name}
      >
        {name}
      </h1>
      <div className="hidden lg:block">
        <SummaryStrip summary={summary} compact />
      </div>
      <div className="shrink-0 text-right">
        <p data-testid="wall-clock" className="text-stat-sm tabular-nums" suppressHydrationWarning>
          {clockTime(now)}
        </p>
        <p
          data-testid="wall-updated"
          className="text-base text-muted tabular-nums"
          suppressHydrationWarning
        >
          {updatedText(updated, now)}
        </p>
      </div>
    </header>
  );
}
