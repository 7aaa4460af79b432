import { circuitBreaker, CircuitState, ConsecutiveBreaker, handleWhen, type IBackoff, type IBackoffFactory } from "cockatiel";
import { isTransientPollError } from "./error-kind";
import { retryDelays } from "./retry-delays";
import { POLL_CADENCE } from "./settings";

/**
 * One circuit breaker per connection: after consecutive 5xx/timeouts it opens for an
 * exponentially growing, jittered delay (retry-delays.ts), then lets one probe through; success closes it.
 * cockatiel keeps the state and reads Date.now(); we only watch its delays so the scheduler
 * knows when the probe may go, instead of calling into a breaker that would refuse.
 */
export function createConnectionBreaker() {
  const { consecutiveFailures, halfOpenInitialMs, halfOpenMaxMs } = POLL_CADENCE.breaker;
  let lastDelayMs = 0;
  let openUntil = 0;
  const policy = circuitBreaker(handleWhen(isTransientPollError), {
    breaker: new ConsecutiveBreaker(consecutiveFailures),
    halfOpenAfter: watchDelays(retryDelays(halfOpenInitialMs, halfOpenMaxMs), (ms) => (lastDelayMs = ms)),
  });
  policy.onBreak(() => (openUntil = Date.now() + lastDelayMs));

  return {
    /** Earliest time a call may start: now when closed, Infinity while the probe is out. */
    blockedUntil(now: number): number {
      if (policy.state === CircuitState.Closed) return now;
      if (policy.state === CircuitState.Open) return Math.max(now, openUntil);
      return Number.POSITIVE_INFINITY;
    },
    isOpen: () => policy.state !== CircuitState.Closed,
    execute: <T>(call: () => Promise<T>): Promise<T> => policy.execute(call),
  };
}

export type ConnectionBreaker = ReturnType<typeof createConnectionBreaker>;

function watchDelays<C>(factory: IBackoffFactory<C>, onDelay: (ms: number) => void): IBackoffFactory<C> {
  const watch = (backoff: IBackoff<C>): IBackoff<C> => {
    onDelay(backoff.duration);
    return { duration: backoff.duration, next: (context) => watch(backoff.next(context)) };
  };
  return { next: (context) => watch(factory.next(context)) };
}
