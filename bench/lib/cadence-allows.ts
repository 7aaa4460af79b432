export type IntervalSeen = { at: number; intervalMs: number };

/**
 * Calls a punctual scheduler would make between `firstCallAt` and `until`: the first call, then
 * each next one as soon as the interval in force has passed since the previous. The interval is
 * the one the API reported; a change is only seen at the next answer, so between two answers the
 * shorter of their two intervals is assumed (never blaming the scheduler for a change seen late).
 */
export function cadenceAllows(
  seen: readonly IntervalSeen[],
  firstCallAt: number,
  until: number,
): number {
  if (seen.length === 0 || firstCallAt > until) return 0;
  const segments = seen.map((observation, index) => {
    const next = seen[index + 1];
    return {
      from: index === 0 ? Number.NEGATIVE_INFINITY : observation.at,
      to: next ? next.at : Number.POSITIVE_INFINITY,
      intervalMs: Math.max(
        1,
        Math.min(observation.intervalMs, next?.intervalMs ?? observation.intervalMs),
      ),
    };
  });
  const nextCall = (previous: number): number => {
    for (const segment of segments) {
      if (segment.to <= previous) continue;
      const at = Math.max(segment.from, previous + segment.intervalMs);
      if (at < segment.to) return at;
    }
    return Number.POSITIVE_INFINITY;
  };
  let calls = 1;
  // Bounded: every interval is at least a millisecond, and no run lasts a day.
  for (let last = nextCall(firstCallAt); last <= until && calls < 100_000; last = nextCall(last))
    calls += 1;
  return calls;
}
