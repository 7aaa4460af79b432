import { formatRelativeTime } from "@/lib/format";
import type { WallFreshness } from "@/lib/wall/freshness";

type WallStaleBannerProps = { freshness: WallFreshness; total: number; now: number };

function clockTime(ms: number): string {
  return new Intl.DateTimeFormat(undefined, {
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
  }).format(ms);
}

/** Full width and loud: nobody across the room may take old numbers for live ones. */
export function WallStaleBanner({ freshness, total, now }: WallStaleBannerProps) {
  const since = freshness.since;
  const title = freshness.unreachable
    ? "Cannot reach Sendboard"
    : freshness.staleCount === total
      ? "No fresh numbers"
      : `No fresh numbers for ${freshness.staleCount} of ${total} batches`;
  return (
    <div
      data-testid="stale-banner"
      data-unreachable={freshness.unreachable}
      className="flex w-full shrink-0 flex-wrap items-baseline justify-center gap-x-[0.8em] bg-notice-warning px-[1em] py-[0.3em] text-center text-canvas"
    >
      <p role="status" className="text-[length:calc(var(--wall-min)*1.3)] font-bold">
        {title}
        {since !== null && <span suppressHydrationWarning> since {clockTime(since)}</span>}
      </p>
      <p aria-hidden className="font-medium" suppressHydrationWarning>
        {since !== null && `${formatRelativeTime(since, now)} · `}dimmed numbers may be out of date
      </p>
    </div>
  );
}
