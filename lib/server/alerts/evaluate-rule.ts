import "server-only";
import { FAILURE_SHARE_MIN_PROCESSED, type AlertRuleKind } from "@/lib/alerts";
import { countOf } from "@/lib/batch-counts";
import { isTerminalState, type BatchSnapshot } from "@/lib/batch-snapshot";
import { profileOf } from "@/lib/providers/profiles";

/** What this instance has seen of one batch (batch-track.ts). Times are epoch milliseconds. */
export type BatchObservation = {
  snapshot: BatchSnapshot;
  /** The first failed call of the current run of failures; null while calls succeed. */
  failingSince: number | null;
  /** When processed or any count last changed, as far as this instance saw. */
  countersChangedAt: number;
  /** (at, processed) of recent snapshots, oldest first, for throughput. */
  samples: ReadonlyArray<{ at: number; processed: number }>;
};

export type RuleCondition = { kind: AlertRuleKind; threshold: number | null; minutes: number | null };

/** The window "slow" looks back over, and the least of it that gives a rate worth judging. */
export const SLOW_WINDOW_MS = 5 * 60_000;
export const SLOW_MIN_SPAN_MS = 60_000;

/** Whether the rule's condition holds now: an incident is open while it does. */
export function isConditionActive(rule: RuleCondition, seen: BatchObservation, now: number): boolean {
  const { snapshot } = seen;
  const minutesMs = (rule.minutes ?? 0) * 60_000;
  switch (rule.kind) {
    case "finished":
      return isTerminalState(snapshot.state);
    case "failure_share":
      return failureShareAbove(snapshot, rule.threshold ?? 100);
    case "stalled":
      return seen.failingSince === null && shouldBeMoving(snapshot) && now - seen.countersChangedAt >= minutesMs;
    case "stale":
      return seen.failingSince !== null && now - seen.failingSince >= minutesMs;
    case "slow": {
      const rate = recentRatePerMinute(seen.samples);
      return snapshot.state === "running" && rate !== null && rate < (rule.threshold ?? 0);
    }
    case "pause_window":
      return inLastMinutesToPause(snapshot, minutesMs, now);
  }
}

/** Above X % of what was processed, once enough was processed for a share to mean something (all of a small batch). */
function failureShareAbove(snapshot: BatchSnapshot, percent: number): boolean {
  const enough = Math.min(FAILURE_SHARE_MIN_PROCESSED, snapshot.total ?? FAILURE_SHARE_MIN_PROCESSED);
  if (snapshot.processed <= 0 || snapshot.processed < enough) return false;
  return (countOf(snapshot, "failure") / snapshot.processed) * 100 > percent;
}

// As history/stalled.ts: items pending while the batch runs (or, queued, has begun).
function shouldBeMoving(snapshot: BatchSnapshot): boolean {
  const pending = snapshot.progress === null || snapshot.progress < 1;
  if (snapshot.state === "running") return pending;
  return snapshot.state === "queued" && snapshot.processed > 0 && pending;
}

function recentRatePerMinute(samples: BatchObservation["samples"]): number | null {
  const end = samples.at(-1);
  if (!end) return null;
  const start = samples.find((sample) => sample.at >= end.at - SLOW_WINDOW_MS);
  if (!start || end.at - start.at < SLOW_MIN_SPAN_MS) return null;
  return ((end.processed - start.processed) / (end.at - start.at)) * 60_000;
}

/** SendGrid: pause and cancel close a fixed time before send_at; the rule warns `minutes` before that. */
function inLastMinutesToPause(snapshot: BatchSnapshot, minutesMs: number, now: number): boolean {
  const sendTime = profileOf(snapshot.provider).sendTime;
  if (!sendTime || snapshot.state !== "scheduled" || snapshot.scheduledAt === null) return false;
  const closesAt = Date.parse(snapshot.scheduledAt) - sendTime.holdClosesBeforeMs;
  return Number.isFinite(closesAt) && now >= closesAt - minutesMs && now < closesAt;
}
