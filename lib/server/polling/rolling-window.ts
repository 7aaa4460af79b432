export const WINDOW_MS = 60_000;

/**
 * Calls made on one connection over the last minute. Two calls share a window when they are
 * less than WINDOW_MS apart, so a limit of N allows at most N calls in any [t, t + 60 s).
 */
export function createRollingWindow() {
  const calls: { at: number; cost: number }[] = [];
  let used = 0;

  function prune(now: number) {
    while (calls.length > 0 && calls[0]!.at + WINDOW_MS <= now) used -= calls.shift()!.cost;
  }

  return {
    /** Earliest time at or after `now` when `cost` more calls stay within `limit`. */
    availableAt(now: number, cost: number, limit: number): number {
      prune(now);
      let excess = used + cost - limit;
      if (excess <= 0) return now;
      for (const call of calls) {
        excess -= call.cost;
        if (excess <= 0) return call.at + WINDOW_MS;
      }
      return Number.POSITIVE_INFINITY;
    },
    record(now: number, cost: number) {
      calls.push({ at: now, cost });
      used += cost;
    },
    /** Takes back a recorded call that was not made after all (another instance made it). */
    remove(at: number, cost: number) {
      const index = calls.findLastIndex((call) => call.at === at && call.cost === cost);
      if (index < 0) return;
      calls.splice(index, 1);
      used -= cost;
    },
    /** Calls counted in the window ending at `now`. */
    usedAt(now: number): number {
      prune(now);
      return used;
    },
    isEmpty(now: number): boolean {
      prune(now);
      return calls.length === 0;
    },
  };
}

export type RollingWindow = ReturnType<typeof createRollingWindow>;
