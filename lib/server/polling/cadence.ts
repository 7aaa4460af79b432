import { isTerminalState, type BatchState } from "@/lib/batch-snapshot";
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

export function isSettled(provider: ProviderId, tailCount: number | null): boolean {
  return tailCount !== null && tailCount >= POLL_CADENCE.settling[provider].polls;
}
