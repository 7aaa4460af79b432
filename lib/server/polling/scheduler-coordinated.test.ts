import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { AppError } from "@/lib/errors";
import type { ClaimDecision, ClaimRequest, PollCoordinator, SharedLatest } from "./coordinator";
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
  };
  return { coordinator, claims, published };
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
});
