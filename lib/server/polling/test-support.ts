import { vi } from "vitest";
import type { BatchSnapshot, BatchState } from "@/lib/batch-snapshot";
import { AppError } from "@/lib/errors";
import type { ProviderId } from "@/lib/providers/provider-id";
import { blankSnapshot } from "@/lib/testing/blank-snapshot";
import { pollKeyToString, type FetchBatch, type PollEntry, type PollKey, type PollScheduler } from "./types";

export const START = new Date("2026-03-02T09:00:00Z").getTime();

export function makeKey(provider: ProviderId, batchId: string, connectionId = "conn-1"): PollKey {
  return { connectionId, provider, batchId };
}

export function makeSnapshot(key: PollKey, state: BatchState, processed = 0): BatchSnapshot {
  return blankSnapshot({
    provider: key.provider,
    batchId: key.batchId,
    state,
    providerStatus: state,
    total: 100,
    processed,
    progress: processed / 100,
    fetchedAt: new Date().toISOString(),
  });
}

type Answer = BatchSnapshot | AppError;

/** A provider that answers after `latencyMs` (or gives up when aborted) and logs every call with its start time. */
export function createFakeUpstream(answer: (key: PollKey) => Answer, latencyMs = 100) {
  const calls: { id: string; at: number }[] = [];
  let respond = answer;
  const fetchBatch: FetchBatch = (key, signal) => {
    calls.push({ id: pollKeyToString(key), at: Date.now() });
    const result = respond(key);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => (result instanceof AppError ? reject(result) : resolve(result)), latencyMs);
      signal.addEventListener("abort", () => {
        clearTimeout(timer);
        reject(new AppError("provider_error", "Call aborted."));
      });
    });
  };
  return {
    fetchBatch,
    calls,
    answerWith(next: (key: PollKey) => Answer) {
      respond = next;
    },
    callTimes: (key: PollKey) => calls.filter((call) => call.id === pollKeyToString(key)).map((call) => call.at),
  };
}

/** Most calls that ever fell within one rolling window [t, t + windowMs). */
export function maxCallsInAnyWindow(times: readonly number[], windowMs = 60_000): number {
  const sorted = [...times].sort((a, b) => a - b);
  let best = 0;
  let first = 0;
  sorted.forEach((at, index) => {
    while (sorted[first]! + windowMs <= at) first += 1;
    best = Math.max(best, index - first + 1);
  });
  return best;
}

/** Viewers reading `keys` every `everyMs` (fire and forget, as browsers do). Returns a stop function. */
export function keepReading(scheduler: PollScheduler, keys: () => readonly PollKey[], everyMs: number): () => void {
  const readAll = () => keys().forEach((key) => void scheduler.read(key).catch(() => undefined));
  readAll();
  const timer = setInterval(readAll, everyMs);
  return () => clearInterval(timer);
}

export function serverError(): AppError {
  return new AppError("provider_error", "Provider answered HTTP 500.");
}

/** A read, with fake time moved on by `advanceMs` while it waits (a first read waits for its call). */
export async function readWhileAdvancing(scheduler: PollScheduler, key: PollKey, advanceMs: number): Promise<PollEntry> {
  const pending = scheduler.read(key);
  pending.catch(() => undefined);
  await vi.advanceTimersByTimeAsync(advanceMs);
  return pending;
}
