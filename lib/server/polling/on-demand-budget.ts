import { AppError } from "@/lib/errors";
import { laneOpensAt, type ConnectionLane } from "./connection-lane";
import type { RollingWindow } from "./rolling-window";
import { POLL_CADENCE } from "./settings";

/** On-demand requests a connection may make in any rolling minute: its share, at least one. */
export function onDemandShare(perMinute: number): number {
  return Math.max(1, Math.floor(perMinute * POLL_CADENCE.onDemand.maxShare));
}

/**
 * The reserve rule, on one set of windows (this instance's, or every instance's in PostgreSQL):
 * `cost` on-demand requests fit when the on-demand ones stay within their share of any rolling
 * minute and the minute has that much room left. Polls thus always keep the rest of the minute
 * (while lists are asked for they leave the share free, scheduler.ts pollBudgetOf), so polls that
 * need no more than that rest are never delayed by lists, and lists never take a poll's slot.
 */
export function onDemandFitsAt(
  windows: { all: RollingWindow; onDemand: RollingWindow },
  now: number,
  { cost, perMinute }: { cost: number; perMinute: number },
): number {
  return Math.max(windows.onDemand.availableAt(now, cost, onDemandShare(perMinute)), windows.all.availableAt(now, cost, perMinute));
}

/** When this lane lets `cost` on-demand requests go: its holds and breaker, then the reserve. */
export function onDemandOpensAt(lane: ConnectionLane, now: number, perMinute: number, cost: number): number {
  // laneOpensAt holds lists back while an open breaker waits and while its probe is out. Once the
  // wait is over the next call is the probe, a list's as well as a poll's: with no batch of the
  // connection being read no poll would ever make it, and lists would stay refused for good.
  return Math.max(
    laneOpensAt(lane, now),
    lane.sharedBudgetUntil,
    onDemandFitsAt({ all: lane.window, onDemand: lane.onDemand }, now, { cost, perMinute }),
  );
}

const LONGEST_ADVISED_WAIT_S = 60;

/** The refusal runOnDemand answers at once; a wait we cannot tell (a probe out, a cost above the share) is said as the longest. */
export function providerBusy(waitMs: number): AppError {
  const seconds = Number.isFinite(waitMs) ? Math.min(LONGEST_ADVISED_WAIT_S, Math.max(1, Math.ceil(waitMs / 1_000))) : POLL_CADENCE.breaker.halfOpenMaxMs / 1_000;
  return new AppError("provider_busy", `The provider's request budget is busy with live status updates; try again in ${seconds} s.`, {
    retryAfterSeconds: seconds,
  });
}
