import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { BatchState } from "@/lib/batch-snapshot";
import { openTempDatabase, type TempDatabase } from "@/lib/server/testing/temp-database";
import type { ClaimRequest, SharedLatest } from "./coordinator";
import { createPostgresCoordinator } from "./postgres-coordinator";
import { createPollScheduler } from "./scheduler";
import { POLL_CADENCE } from "./settings";
import { createFakeUpstream, makeKey, makeSnapshot, START } from "./test-support";
import { pollKeyToString, type PollScheduler } from "./types";

// requestPoll across instances, against a real PostgreSQL (scripts/with-postgres.ts sets DATABASE_URL).
const url = process.env.DATABASE_URL;

let temp: TempDatabase;
const schedulers: PollScheduler[] = [];

function instance(name: string) {
  return createPostgresCoordinator({ db: async () => temp.db, instanceId: name, callAllowanceMs: 0, onError: (error) => { throw error; } });
}

const key = makeKey("sendgrid", "sg-request");
const id = pollKeyToString(key);

function claimOf(now: number, requested = false): ClaimRequest {
  return { key, id, connectionId: key.connectionId, now, intervalMs: 10_000, cost: 2, perMinute: 300, requested };
}

function finalLatest(at: number): SharedLatest {
  return { snapshot: makeSnapshot(key, "cancelled"), fetchedAt: at, error: null, nextPollAt: null, final: true, tailCount: 2, updatedAt: at };
}

describe.skipIf(!url)("requestPoll with several instances on PostgreSQL (needs DATABASE_URL)", () => {
  beforeEach(async () => {
    temp = await openTempDatabase();
  });
  afterEach(async () => {
    schedulers.splice(0).forEach((scheduler) => scheduler.stop());
    await temp.close();
  });

  it("a requested claim takes the batch from its live holder, once per moment across instances", async () => {
    const [a, b, c] = [instance("a"), instance("b"), instance("c")];
    expect(await a.claim(claimOf(START))).toEqual({ kind: "call" });
    expect(await b.claim(claimOf(START + 100))).toMatchObject({ kind: "follow" });

    expect(await b.claim(claimOf(START + 200, true))).toEqual({ kind: "call" });
    // c asks within the same second: b's call serves it too; a is now a follower.
    expect(await c.claim(claimOf(START + 700, true))).toMatchObject({ kind: "follow" });
    expect(await a.claim(claimOf(START + 800))).toMatchObject({ kind: "follow" });
    expect(await c.claim(claimOf(START + 1_300, true))).toEqual({ kind: "call" });
  });

  it("a requested claim calls for a batch whose final snapshot every other claim is served", async () => {
    const [a, b] = [instance("a"), instance("b")];
    await a.claim(claimOf(START));
    await a.publish(id, finalLatest(START + 100), 30_000);
    expect(await b.claim(claimOf(START + 120_000))).toMatchObject({ kind: "follow", latest: { final: true } });
    expect(await b.claim(claimOf(START + 120_100, true))).toEqual({ kind: "call" });
  });

  it("requests on two instances at once make one upstream call, and both then serve its snapshot", async () => {
    let state: BatchState = "scheduled";
    const upstream = createFakeUpstream((polled) => makeSnapshot(polled, state), 50);
    const [a, b] = ["a", "b"].map((name) => createPollScheduler({ fetchBatch: upstream.fetchBatch, coordinator: instance(name) }));
    schedulers.push(a!, b!);
    await a!.read(key);
    await b!.read(key);
    expect(upstream.calls).toHaveLength(1);

    // Past the gap between requested calls, well before the 10 s cadence's next call.
    await new Promise((resolve) => setTimeout(resolve, POLL_CADENCE.requestGapMs + 50));
    state = "paused";
    const requests = Array.from({ length: 500 }, (_, index) => (index % 2 === 0 ? a! : b!).requestPoll(key));
    await Promise.all(requests);

    expect(upstream.calls).toHaveLength(2);
    expect((await a!.read(key)).snapshot?.state).toBe("paused");
    expect((await b!.read(key)).snapshot?.state).toBe("paused");
  });

  it("a final batch polled again on another instance is followed again here, without a call from here", async () => {
    let state: BatchState = "cancelled";
    // Ended long ago: final at its first snapshot.
    const answer = (polled: typeof key) => ({ ...makeSnapshot(polled, state), completedAt: state === "cancelled" ? new Date(Date.now() - 3_600_000).toISOString() : null });
    const upstream = createFakeUpstream(answer, 50);
    const [a, b] = ["a", "b"].map((name) => createPollScheduler({ fetchBatch: upstream.fetchBatch, coordinator: instance(name) }));
    schedulers.push(a!, b!);
    expect((await a!.read(key)).final).toBe(true);
    expect((await b!.read(key)).final).toBe(true);

    state = "scheduled";
    await b!.requestPoll(key);
    expect((await b!.read(key)).snapshot?.state).toBe("scheduled");
    await expect.poll(async () => (await a!.read(key)).snapshot?.state, { timeout: 2 * POLL_CADENCE.finalPeekMs + 2_000, interval: 200 }).toBe("scheduled");
    expect(upstream.calls).toHaveLength(2);
  });
});
