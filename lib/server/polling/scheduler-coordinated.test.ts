import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { AppError } from "@/lib/errors";
import type { ClaimDecision, ClaimRequest, ConnectionHold, PollCoordinator, SharedLatest } from "./coordinator";
import { FOLLOW } from "./follow";
import { createPollScheduler } from "./scheduler";
import { POLL_CADENCE } from "./settings";
import { createFakeUpstream, makeKey, makeSnapshot, readWhileAdvancing, START } from "./test-support";
import type { PollScheduler } from "./types";

// The scheduler's side of coordination, with a scripted coordinator: no database needed.
let scheduler: PollScheduler;

beforeEach(() => {
  vi.useFakeTimers();
  vi.setSystemTime(START);
});

afterEach(() => {
  scheduler.stop();
  vi.useRealTimers();
});

const key = makeKey("bolna", "b1");
const running = () => makeSnapshot(key, "running", Math.floor((Date.now() - START) / 1_000));

function scriptedCoordinator(decide: (request: ClaimRequest) => ClaimDecision | Error) {
  const claims: number[] = [];
  const published: SharedLatest[] = [];
  const holds: (ConnectionHold & { connectionId: string })[] = [];
  const coordinator: PollCoordinator = {
    claim: async (request) => {
      claims.push(request.now - START);
      const decision = decide(request);
      if (decision instanceof Error) throw decision;
      return decision;
    },
    publish: async (_id, latest) => {
      published.push(latest);
    },
    hold: async (connectionId, hold) => {
      holds.push({ connectionId, ...hold });
    },
  };
  return { coordinator, claims, published, holds };
}

function heldElsewhere(at: number): SharedLatest {
  return { snapshot: { ...running(), processed: 42 }, fetchedAt: at, error: null, nextPollAt: at + 2_000, final: false, tailCount: null, updatedAt: at };
}

describe("poll scheduler with a coordinator", () => {
  it("serves another instance's snapshot without calling, and looks again just after its next call", async () => {
    const upstream = createFakeUpstream(running);
    const script = scriptedCoordinator(({ now }) => ({ kind: "follow", latest: heldElsewhere(now - 500), leaseExpiresAt: now + 4_000 }));
    scheduler = createPollScheduler({ fetchBatch: upstream.fetchBatch, coordinator: script.coordinator });

    const entry = await readWhileAdvancing(scheduler, key, 10);
    expect(entry).toMatchObject({ snapshot: { processed: 42 }, fetchedAt: START - 500, nextPollAt: START + 1_500 });
    await vi.advanceTimersByTimeAsync(4_000);
    expect(upstream.calls).toEqual([]);
    // Each look finds the holder's next call due in 1.5 s, and comes back just after it.
    const gap = 1_500 + FOLLOW.settleMs;
    expect(script.claims).toEqual([0, gap, 2 * gap]);
  });

  it("calls when it holds the batch and publishes every outcome with the next call's time", async () => {
    const upstream = createFakeUpstream(running);
    const script = scriptedCoordinator(() => ({ kind: "call" }));
    scheduler = createPollScheduler({ fetchBatch: upstream.fetchBatch, coordinator: script.coordinator });

    await readWhileAdvancing(scheduler, key, 500);
    expect(upstream.calls).toHaveLength(1);
    expect(script.published).toEqual([expect.objectContaining({ fetchedAt: START + 100, nextPollAt: START + POLL_CADENCE.runningMs, final: false, error: null })]);
  });

  it("waits for the shared budget when the other instances spent it", async () => {
    const upstream = createFakeUpstream(running);
    const script = scriptedCoordinator(({ now }) => (now < START + 30_000 ? { kind: "budget", availableAt: START + 30_000 } : { kind: "call" }));
    scheduler = createPollScheduler({ fetchBatch: upstream.fetchBatch, coordinator: script.coordinator });

    const pending = scheduler.read(key);
    await vi.advanceTimersByTimeAsync(31_000);
    expect(await pending).toMatchObject({ fetchedAt: START + 30_100 });
    expect(script.claims).toEqual([0, 30_000]);
  });

  it("makes no call while the database is down, says so, and polls again within seconds of its return", async () => {
    const upstream = createFakeUpstream(running);
    let down = true;
    const script = scriptedCoordinator(() => (down ? new AppError("database_unavailable", "The database is unavailable.") : { kind: "call" }));
    scheduler = createPollScheduler({ fetchBatch: upstream.fetchBatch, coordinator: script.coordinator });

    await expect(readWhileAdvancing(scheduler, key, 10)).rejects.toMatchObject({ code: "database_unavailable" });
    await vi.advanceTimersByTimeAsync(30_000);
    expect(upstream.calls).toEqual([]);
    expect(script.claims).toHaveLength(1 + 30_000 / POLL_CADENCE.coordinationRetryMs);
    down = false;
    await vi.advanceTimersByTimeAsync(POLL_CADENCE.coordinationRetryMs + 200);
    expect(upstream.calls).toHaveLength(1);
    expect(await scheduler.read(key)).toMatchObject({ error: null, snapshot: { stale: false } });
  });

  it("obeys a hold another instance published: no call until it ends, and the next update says when", async () => {
    const upstream = createFakeUpstream(running);
    const rateLimited = { code: "provider_rate_limited", message: "Bolna asked us to wait." } as const;
    const script = scriptedCoordinator(({ now }) =>
      now === START || now >= START + 8_000 ? { kind: "call" } : { kind: "held", until: START + 8_000, error: rateLimited },
    );
    scheduler = createPollScheduler({ fetchBatch: upstream.fetchBatch, coordinator: script.coordinator });

    await readWhileAdvancing(scheduler, key, 2_500);
    expect(await scheduler.read(key)).toMatchObject({ nextPollAt: START + 8_000, error: null, snapshot: { stale: false } });
    await vi.advanceTimersByTimeAsync(5_400);
    expect(upstream.callTimes(key)).toEqual([START]);
    await readWhileAdvancing(scheduler, key, 200);
    expect(upstream.callTimes(key)).toEqual([START, START + 8_000]);
  });

  it("answers a new batch on a held connection with the hold's reason instead of making it wait", async () => {
    const upstream = createFakeUpstream(running);
    const error = { code: "provider_rate_limited", message: "Bolna asked us to wait." } as const;
    const script = scriptedCoordinator(() => ({ kind: "held", until: START + 60_000, error }));
    scheduler = createPollScheduler({ fetchBatch: upstream.fetchBatch, coordinator: script.coordinator });

    await expect(readWhileAdvancing(scheduler, key, 10)).rejects.toMatchObject(error);
    await expect(scheduler.read(makeKey("bolna", "b2"))).rejects.toMatchObject(error);
    expect(upstream.calls).toEqual([]);
  });

  it("tells the other instances about its own 429 (to the second) and its open breaker", async () => {
    const upstream = createFakeUpstream(() => new AppError("provider_rate_limited", "Slow down.", { retryAfterSeconds: 5 }));
    const script = scriptedCoordinator(() => ({ kind: "call" }));
    scheduler = createPollScheduler({ fetchBatch: upstream.fetchBatch, coordinator: script.coordinator });

    await readWhileAdvancing(scheduler, key, 200).catch(() => undefined);
    expect(script.holds).toEqual([{ connectionId: key.connectionId, until: START + 100 + 5_000, error: { code: "provider_rate_limited", message: "Slow down." } }]);

    upstream.answerWith(() => new AppError("provider_error", "HTTP 500"));
    for (let poll = 0; poll < 20 && !script.holds.some((hold) => hold.error.code === "provider_error"); poll += 1) {
      await vi.advanceTimersByTimeAsync(5_000);
      await scheduler.read(key).catch(() => undefined);
    }
    const opened = script.holds.find((hold) => hold.error.code === "provider_error");
    // Only the call that opened the breaker holds the others back, for the breaker's first delay.
    expect(script.holds.filter((hold) => hold.error.code === "provider_error")).toHaveLength(1);
    const openedAt = upstream.calls.at(-1)!.at + 100;
    expect(opened!.until).toBeGreaterThan(openedAt);
    expect(opened!.until - openedAt).toBeLessThanOrEqual(POLL_CADENCE.breaker.halfOpenInitialMs);
  });

  it("hands each fresh snapshot adopted from the holder to onFollowedSnapshot once, and none that failed", async () => {
    const upstream = createFakeUpstream(running);
    const holderCallAt = (now: number) => START + Math.floor((now - START) / 2_000) * 2_000 + 100;
    const failing = (at: number) => at >= START + 6_000 && at < START + 8_000;
    const script = scriptedCoordinator(({ now }) => {
      const at = holderCallAt(now) > now ? holderCallAt(now) - 2_000 : holderCallAt(now);
      // A failed call republishes the last good snapshot (fetched 2 s earlier) with its error.
      const fetchedAt = failing(at) ? at - 2_000 : at;
      const latest = { ...heldElsewhere(fetchedAt), snapshot: { ...running(), fetchedAt: new Date(fetchedAt).toISOString() }, updatedAt: at };
      return { kind: "follow", latest: failing(at) ? { ...latest, error: { code: "provider_error", message: "HTTP 500", at } } : latest, leaseExpiresAt: now + 4_000 };
    });
    const followed: number[] = [];
    scheduler = createPollScheduler({
      fetchBatch: upstream.fetchBatch,
      coordinator: script.coordinator,
      onFollowedSnapshot: (_key, snapshot) => followed.push(Date.parse(snapshot.fetchedAt)),
    });

    await readWhileAdvancing(scheduler, key, 10);
    for (let second = 0; second < 10; second += 1) await readWhileAdvancing(scheduler, key, 1_000);
    expect(upstream.calls).toEqual([]);
    expect(script.claims.length).toBeGreaterThan(followed.length);
    // One per holder call that succeeded, in order: the failed one at 6.1 s is not counted.
    expect(followed.map((at) => at - START)).toEqual([-1_900, 100, 2_100, 4_100, 8_100]);
  });
});
