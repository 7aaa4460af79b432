import { RelativeTime } from "@/components/ui/relative-time";
import { cn } from "@/lib/class-names";

type RefreshStatusProps = {
  /** When the provider's numbers on screen were fetched (numbersUpdatedAt), not when our page last heard from the server. */
  updatedAt: number | null;
  now: number;
  /** Current poll interval, or false when the batch is final and polling stopped. */
  interval: number | false;
  stale: boolean;
};

/** "Updated 3 s ago · refreshing every 2 s": ticks every second, never announced to screen readers. */
export function RefreshStatus({ updatedAt, now, interval, stale }: RefreshStatusProps) {
  return (
    <p
      className={cn(
        "text-sm tabular-nums sm:text-base",
        stale ? "text-notice-warning" : "text-muted",
      )}
      data-testid="batch-updated"
    >
      Updated{" "}
      <RelativeTime
        value={updatedAt === null ? null : Math.min(updatedAt, now)}
        now={now}
        className="font-medium"
      />
      <span className="text-faint">
        {" · "}
        {interval === false
          ? "final, no longer refreshing"
          : `refreshing every ${interval / 1000} s`}
      </span>
    </p>
  );
}
