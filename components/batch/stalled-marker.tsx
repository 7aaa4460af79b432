/**
 * Stalled: fresh polls keep arriving but the counters do not move. Deliberately unlike the
 * stale banner (our data is old, shown dimmed): a compact amber strip with a pause mark.
 */
export function StalledMarker({ minutes }: { minutes: number | null }) {
  return (
    <p
      data-testid="batch-stalled"
      className="flex items-center gap-2 rounded-md border-l-4 border-notice-warning bg-notice-warning/10 px-3 py-2 text-sm font-semibold text-notice-warning sm:text-base"
    >
      <span aria-hidden className="flex gap-0.5">
        <span className="h-3.5 w-1 rounded-sm bg-current" />
        <span className="h-3.5 w-1 rounded-sm bg-current" />
      </span>
      Stalled
      <span className="font-normal text-ink/80">
        {minutes === null ? "No progress for over a minute" : `No progress for ${minutes} min`}
      </span>
    </p>
  );
}
