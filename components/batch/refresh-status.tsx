import { RelativeTime } from "@/components/ui/relative-time";
import { cn } from "@/lib/class-names";

type RefreshStatusProps = {
  receivedAt: number;
  now: number;
  /** Current poll interval, or false when the batch is final and polling stopped. */
  interval: number | false;
  stale: boolean;
};

/** "Updated 3 s ago · refreshing every 2 s": ticks every second, never announced to screen readers. */
export function RefreshStatus({ receivedAt, now, interval, stale }: RefreshStatusProps) {
  return (
    <p
      className={cn(
        "text-sm tabular-nums sm:text-base",
        stale ? "text-notice-warning" : "text-muted",
      )}
      data-testid="batch-updated"
    >
      Updated <RelativeTime value={receivedAt} now={now} className="font-medium" />
      <span className="text-faint">
        {" · "}
        {interval === false
          ? "final, no longer refreshing"
          : `refreshing every ${interval / 1000} s`}
      </span>
    </p>
  );
}
