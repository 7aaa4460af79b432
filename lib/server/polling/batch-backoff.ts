import type { IBackoff } from "cockatiel";
import { retryDelays } from "./retry-delays";
import { POLL_CADENCE } from "./settings";

const factory = retryDelays(POLL_CADENCE.batchBackoff.initialMs, POLL_CADENCE.batchBackoff.maxMs);

/** Exponential, jittered wait after one batch's consecutive failures; reset by a success. */
export function createBatchBackoff() {
  let current: IBackoff<unknown> | null = null;
  return {
    nextDelayMs(): number {
      current = current ? current.next(undefined) : factory.next();
      return current.duration;
    },
    reset() {
      current = null;
    },
  };
}
