import { ExponentialBackoff, noJitterGenerator, type GeneratorFn } from "cockatiel";

/**
 * Each delay is taken from the top fifth of its doubling step, [0.8 d, d): jitter enough that
 * batches and instances do not retry in lockstep, yet close to the cap once there, so a long
 * outage costs few calls while the cap still bounds how late a recovery is seen.
 */
const topFifthJitter: GeneratorFn<number> = (attempts, options) => {
  const [delay, next] = noJitterGenerator(attempts, options);
  return [Math.floor(delay * (0.8 + 0.2 * Math.random())), next];
};

/** Retries after consecutive failures: from `initialMs`, doubling, never more than `maxMs`. */
export function retryDelays(initialMs: number, maxMs: number): ExponentialBackoff<number> {
  return new ExponentialBackoff({ generator: topFifthJitter, initialDelay: initialMs, maxDelay: maxMs });
}
