import { isTerminalState, type BatchSnapshot, type BatchState } from "@/lib/batch-snapshot";
import type { ProviderId } from "@/lib/providers/provider-id";
import { POLL_CADENCE } from "./settings";

/** How often a batch wants polling, before the connection's budget is shared out. */
export function cadenceFor(provider: ProviderId, state: BatchState | null): number {
  if (state === null) return POLL_CADENCE.waitingMs;
  if (isTerminalState(state)) return POLL_CADENCE.settling[provider].everyMs;
  return state === "running" ? POLL_CADENCE.runningMs : POLL_CADENCE.waitingMs;
}

/**
 * Polls made since the first terminal snapshot, or null while the batch is not terminal.
 * A batch seen non-terminal again starts its tail over.
 */
export function nextTailCount(previous: number | null, state: BatchState | null): number | null {
  if (state === null || !isTerminalState(state)) return null;
  return previous === null ? 0 : previous + 1;
}

type SettleTimes = Pick<BatchSnapshot, "completedAt" | "updatedAt" | "fetchedAt">;

/**
 * The tail is over after its polls, or at once when the provider's own end time (completedAt,
 * else its last update) lies a whole tail before the snapshot: a batch that ended during an
 * outage, or long before anyone opened it, has had its time to settle.
 */
export function isSettled(provider: ProviderId, tailCount: number | null, snapshot?: SettleTimes | null): boolean {
  if (tailCount === null) return false;
  const { everyMs, polls } = POLL_CADENCE.settling[provider];
  if (tailCount >= polls) return true;
  const endedAt = Date.parse(snapshot?.completedAt ?? snapshot?.updatedAt ?? "");
  return Date.parse(snapshot?.fetchedAt ?? "") - endedAt >= everyMs * polls;
}
