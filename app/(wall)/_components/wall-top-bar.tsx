import { SummaryStrip } from "@/components/board/summary-strip";
import type { BoardSummaryCounts } from "@/lib/board-summary";
import { EMPTY_VALUE, formatRelativeTime } from "@/lib/format";

type WallTopBarProps = {
  name: string;
  summary: BoardSummaryCounts;
  updatedAt: number;
  now: number;
};

function clockTime(ms: number): string {
  return new Intl.DateTimeFormat(undefined, { hour: "2-digit", minute: "2-digit" }).format(ms);
}

/** One line across the top, in the wall's type: every size is a multiple of --wall-min. */
export function WallTopBar({ name, summary, updatedAt, now }: WallTopBarProps) {
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
          Updated {updatedAt > 0 ? formatRelativeTime(updatedAt, now) : EMPTY_VALUE}
        </p>
      </div>
    </header>
  );
}
