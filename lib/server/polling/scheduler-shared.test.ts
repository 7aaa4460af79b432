import { setTimeout as sleep } from "node:timers/promises";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { openTempDatabase, type TempDatabase } from "@/lib/server/testing/temp-database";
import { createPostgresCoordinator } from "./postgres-coordinator";
import { createPollScheduler } from "./scheduler";
import { POLL_CADENCE } from "./settings";
import { createFakeUpstream, keepReading, makeKey, makeSnapshot } from "./test-support";
import type { FetchBatch, PollScheduler } from "./types";

// Two schedulers (two instances) on one real PostgreSQL, in real time: CI's second run sets DATABASE_URL.
const url = process.env.DATABASE_URL;
const STEP = POLL_CADENCE.runningMs;

let temp: TempDatabase;
const schedulers: PollScheduler[] = [];

function startInstance(name: string, fetchBatch: FetchBatch, budget?: number): PollScheduler {
  const coordinator = createPostgresCoordinator({ db: async () => temp.db, instanceId: name, callAllowanceMs: 1_000 });
  const scheduler = createPollScheduler({ fetchBatch, coordinator, budgetFor: budget === undefined ? undefined : () => budget });
  schedulers.push(scheduler);
  return scheduler;
}

/** What one instance alone may make for one running batch over `ms`: a call every step, the first at once. */
const oneInstanceCalls = (ms: number) => Math.floor(ms / STEP) + 1;

describe.skipIf(!url)("two instances sharing PostgreSQL (needs DATABASE_URL)", () => {
  beforeEach(async () => {
    temp = await openTempDatabase();
  });
  afterEach(async () => {
    schedulers.splice(0).forEach((scheduler) => scheduler.stop());
    await sleep(200);
    await temp.close();
  });

  it("call each batch once per step between them, serve the same snapshots, and survive the holder dying", async () => {
    const began = Date.now();
    const upstream = createFakeUpstream((key) => makeSnapshot(key, "running", Math.floor((Date.now() - began) / 100)), 50);
    // Bolna: its budget covers three batches at the running cadence.
    const keys = ["one", "two", "three"].map((id) => makeKey("bolna", id));
    const a = startInstance("a", upstream.fetchBatch);
    const b = startInstance("b", upstream.fetchBatch);
    const stopA = keepReading(a, () => keys, 200);
    await sleep(300);
    const stopB = keepReading(b, () => keys, 200);
    await sleep(6_000);

    const [fromA, fromB] = [await Promise.all(keys.map((key) => a.read(key))), await Promise.all(keys.map((key) => b.read(key)))];
    for (const [index, key] of keys.entries()) {
      expect(upstream.callTimes(key).length).toBeLessThanOrEqual(oneInstanceCalls(Date.now() - began));
      // A took every lease (it read first); B serves what A published, at most a step (and the time
      // A's answer takes to land) behind.
      expect(fromB[index]!.fetchedAt).toBeGreaterThanOrEqual(fromA[index]!.fetchedAt! - STEP - 1_000);
      // Fresh: the holder's snapshot is up to a step old, and B looks again a step after adopting it.
      expect(fromB[index]!.fetchedAt).toBeGreaterThan(Date.now() - 2 * STEP - 500);
    }

    stopA();
    a.stop();
    const diedAt = Date.now();
    await sleep(8_000);
    const afterDeath = await Promise.all(keys.map((key) => b.read(key)));
    stopB();

    for (const [index, key] of keys.entries()) {
      const times = upstream.callTimes(key);
      expect(times.length).toBeLessThanOrEqual(oneInstanceCalls(Date.now() - began));
      // The survivor took over within one missed step: a lease ends two steps after the holder's last
      // call, or, had it died mid-call, two steps and the call allowance (1 s) after that call began.
      const gaps = times.slice(1).map((at, i) => at - times[i]!);
      expect(Math.max(...gaps)).toBeLessThanOrEqual(2 * STEP + 1_000 + 500);
      // …and keeps its snapshots advancing.
      expect(afterDeath[index]!.fetchedAt).toBeGreaterThan(diedAt + STEP);
      expect(afterDeath[index]!.snapshot!.processed).toBeGreaterThan(fromB[index]!.snapshot!.processed);
    }
  }, 30_000);

  it("hold one request budget between them", async () => {
    const upstream = createFakeUpstream((key) => makeSnapshot(key, "running", 10), 50);
    const a = startInstance("a", upstream.fetchBatch, 4);
    const b = startInstance("b", upstream.fetchBatch, 4);
    // Different batches on one connection: alone, each instance would spend the 4 calls on its own three.
    const stopA = keepReading(a, () => ["a1", "a2", "a3"].map((id) => makeKey("bolna", id)), 200);
    const stopB = keepReading(b, () => ["b1", "b2", "b3"].map((id) => makeKey("bolna", id)), 200);
    await sleep(3_000);
    stopA();
    stopB();
    expect(upstream.calls).toHaveLength(4);
  }, 15_000);
});
