import type { BatchView } from "@/lib/batch-view";
import { formatDuration } from "@/lib/format";
import { formatEtaRange, formatRate } from "@/lib/format-pace";

/**
 * A running batch's time left and throughput in one short line, as the batch page measures them:
 * the provider's own estimate first, else the range measured from history. Null when not running.
 */
export function cardPaceText(
  view: Pick<BatchView, "state" | "etaSeconds" | "insights">,
): string | null {
  if (view.state !== "running") return null;
  const range = view.insights?.etaRange;
  const left =
    view.etaSeconds !== null
      ? `${formatDuration(view.etaSeconds)} left`
      : range
        ? `${formatEtaRange(range.lowSeconds, range.highSeconds).replace(/^about /, "")} left`
        : null;
  const recent = view.insights?.throughputPerMinute.recent;
  const rate = recent === null || recent === undefined ? null : formatRate(recent);
  if (left && rate) return `${left} · ${rate}`;
  if (left) return left;
  if (rate) return `${rate} · time left not known yet`;
  return "Measuring the pace…";
}
