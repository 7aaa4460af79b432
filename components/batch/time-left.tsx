import { isTerminalState } from "@/lib/batch-snapshot";
import type { BatchView } from "@/lib/batch-view";
import {
  EMPTY_VALUE,
  formatDuration,
  formatMoment,
  formatRelativeTime,
  parseTimestamp,
} from "@/lib/format";
import { formatEtaRange } from "@/lib/format-pace";
import { PROVIDER_INFO } from "@/lib/providers/provider-id";

type Figure = { label: string; value: string; hint: string };

/**
 * One place for "when will it be done", whoever knows: the provider's own ETA first, else the
 * range measured from our history, else when a scheduled batch starts. Null once finished.
 */
export function timeLeftOf(view: BatchView, now: number): Figure | null {
  if (isTerminalState(view.state)) return null;
  const startsAt = parseTimestamp(view.scheduledAt);
  if (
    (view.state === "scheduled" || view.state === "queued") &&
    startsAt !== null &&
    startsAt > now
  ) {
    return {
      label: "Starts",
      value: formatRelativeTime(startsAt, now),
      hint: `at ${formatMoment(startsAt, now)}`,
    };
  }
  if (view.etaSeconds !== null) {
    return {
      label: "Time left",
      value: `about ${formatDuration(view.etaSeconds)}`,
      hint: `${PROVIDER_INFO[view.provider].name}'s estimate`,
    };
  }
  const eta = view.insights?.etaRange;
  if (eta)
    return {
      label: "Time left",
      value: formatEtaRange(eta.lowSeconds, eta.highSeconds),
      hint: "from the measured pace",
    };
  const hint =
    view.state === "paused"
      ? "paused"
      : view.insights?.stalled
        ? "not moving"
        : "needs a few minutes of movement";
  return { label: "Time left", value: EMPTY_VALUE, hint };
}

export function TimeLeft({ view, now }: { view: BatchView; now: number }) {
  const figure = timeLeftOf(view, now);
  if (!figure) return null;
  return (
    <div className="sm:text-right" data-testid="batch-time-left">
      <p className="text-sm uppercase tracking-wide text-muted">{figure.label}</p>
      <p className="text-stat-sm tabular-nums" data-testid="batch-eta">
        {figure.value}
      </p>
      <p className="text-sm text-faint">{figure.hint}</p>
    </div>
  );
}
