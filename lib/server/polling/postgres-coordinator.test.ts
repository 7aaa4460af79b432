import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { openPostgres } from "@/lib/server/db/postgres";
import { openTempDatabase, type TempDatabase } from "@/lib/server/testing/temp-database";
import type { ClaimRequest, SharedLatest } from "./coordinator";
import { fromLatestRow } from "./latest-row";
import { createPostgresCoordinator } from "./postgres-coordinator";
import { makeKey, makeSnapshot, START } from "./test-support";
import { pollKeyToString } from "./types";

// Against a real PostgreSQL: CI's second run sets DATABASE_URL (scripts/with-postgres.ts).
const url = process.env.DATABASE_URL;

let temp: TempDatabase;

function instance(name: string, callAllowanceMs = 0) {
  return createPostgresCoordinator({ db: async () => temp.db, instanceId: name, callAllowanceMs, onError: (error) => { throw error; } });
}

function request(batchId: string, now: number, overrides: Partial<ClaimRequest> = {}): ClaimRequest {
  const key = makeKey("mindo", batchId);
  return { key, id: pollKeyToString(key), connectionId: key.connectionId, now, intervalMs: 2_000, cost: 1, perMinute: 60, ...overrides };
}

function latest(batchId: string, at: number, overrides: Partial<SharedLatest> = {}): SharedLatest {
  const snapshot = { ...makeSnapshot(makeKey("mindo", batchId), "running", 40), fetchedAt: new Date(at).toISOString() };
  return { snapshot, fetchedAt: at, error: null, nextPollAt: at + 2_000, final: false, tailCount: null, updatedAt: at, ...overrides };
}

describe.skipIf(!url)("PostgreSQL poll coordinator (needs DATABASE_URL, e.g. tsx scripts/with-postgres.ts -- npx vitest run)", () => {
  beforeEach(async () => {
    temp = await openTempDatabase();
  });
  afterEach(async () => temp.close());

  it("lets one instance call; the other follows what it published, then sees the next outcome", async () => {
    const [a, b] = [instance("a"), instance("b")];
    expect(await a.claim(request("x", START))).toEqual({ kind: "call" });
    expect(await b.claim(request("x", START + 10))).toEqual({ kind: "follow", latest: null, leaseExpiresAt: START + 4_000 });

    await a.publish(request("x", 0).id, latest("x", START + 150), 2_000);
    const followed = await b.claim(request("x", START + 500));
    expect(followed).toMatchObject({ kind: "follow", latest: { fetchedAt: START + 150, nextPollAt: START + 2_150, snapshot: { processed: 40 } } });
    // Renewed on publish to two intervals past the holder's next call.
    expect(followed).toMatchObject({ leaseExpiresAt: START + 4_150 });
    expect(await a.claim(request("x", START + 2_150))).toEqual({ kind: "call" });
  });

  it("hands a dead holder's batch to the next instance that asks once the lease is over", async () => {
    const [a, b] = [instance("a"), instance("b")];
    await a.claim(request("x", START));
    await a.publish(request("x", 0).id, latest("x", START + 100), 2_000);
    expect(await b.claim(request("x", START + 4_099))).toMatchObject({ kind: "follow" });
    expect(await b.claim(request("x", START + 4_101))).toEqual({ kind: "call" });
    expect(await a.claim(request("x", START + 4_200))).toMatchObject({ kind: "follow", leaseExpiresAt: START + 4_101 + 4_000 });
  });

  it("gives the call to exactly one of many instances asking at the same moment", async () => {
    const instances = Array.from({ length: 16 }, (_, index) => instance(`i${index}`));
    const decisions = await Promise.all(instances.map((coordinator) => coordinator.claim(request("x", START))));
    expect(decisions.filter((decision) => decision.kind === "call")).toHaveLength(1);
  });

  it("counts every instance's calls against the connection's rolling minute", async () => {
    const instances = Array.from({ length: 6 }, (_, index) => instance(`i${index}`));
    const decisions = await Promise.all(instances.map((coordinator, index) => coordinator.claim(request(`b${index}`, START + index, { perMinute: 4 }))));
    expect(decisions.filter((decision) => decision.kind === "call")).toHaveLength(4);
    const refused = decisions.filter((decision) => decision.kind === "budget");
    expect(refused).toHaveLength(2);
    // The slot frees when the first of the four calls leaves the minute; refused claims took no lease.
    const firstCallAt = Math.min(...decisions.flatMap((decision, index) => (decision.kind === "call" ? [START + index] : [])));
    for (const decision of refused) expect(decision).toEqual({ kind: "budget", availableAt: firstCallAt + 60_000 });
    const late = instance("late");
    const refusedIndex = decisions.findIndex((decision) => decision.kind === "budget");
    expect(await late.claim(request(`b${refusedIndex}`, firstCallAt + 60_000, { perMinute: 4 }))).toEqual({ kind: "call" });
  });

  it("weighs a poll by its cost", async () => {
    const a = instance("a");
    expect(await a.claim(request("x", START, { cost: 2, perMinute: 3 }))).toEqual({ kind: "call" });
    expect(await a.claim(request("y", START + 1, { cost: 2, perMinute: 3 }))).toEqual({ kind: "budget", availableAt: START + 60_000 });
  });

  it("serves a recent final snapshot to a newcomer instead of calling again", async () => {
    const [a, b] = [instance("a"), instance("b")];
    await a.claim(request("x", START));
    await a.publish(request("x", 0).id, latest("x", START + 100, { final: true, nextPollAt: null, tailCount: 2 }), 30_000);
    expect(await b.claim(request("x", START + 120_000))).toMatchObject({ kind: "follow", latest: { final: true, tailCount: 2 } });
  });

  it("never lets an older publish overwrite a newer one", async () => {
    const [a, b] = [instance("a"), instance("b")];
    await a.publish(request("x", 0).id, latest("x", START + 5_000), 2_000);
    await b.publish(request("x", 0).id, latest("x", START + 1_000, { error: { code: "provider_error", message: "HTTP 500", at: START + 1_000 } }), 2_000);
    const row = await temp.db.selectFrom("batch_latest").selectAll().executeTakeFirstOrThrow();
    expect(fromLatestRow(row)).toMatchObject({ fetchedAt: START + 5_000, error: null, snapshot: { state: "running" } });
  });

  it("holds every instance back from a connection another one was told to wait on, only ever for longer", async () => {
    const [a, b] = [instance("a"), instance("b")];
    const error = { code: "provider_rate_limited", message: "Mindo asked us to wait." } as const;
    await a.hold(request("x", 0).connectionId, { until: START + 5_000, error });
    await a.hold(request("x", 0).connectionId, { until: START + 2_000, error: { code: "provider_error", message: "shorter" } });

    expect(await b.claim(request("y", START + 100))).toEqual({ kind: "held", until: START + 5_000, error });
    expect(await a.claim(request("x", START + 4_999))).toEqual({ kind: "held", until: START + 5_000, error });
    // Another connection is not held; a held claim spent none of the budget and took no lease.
    expect(await b.claim(request("z", START + 100, { connectionId: "conn-2" }))).toEqual({ kind: "call" });
    expect(await temp.db.selectFrom("poll_calls").select("connection_id").execute()).toEqual([{ connection_id: "conn-2" }]);
    expect(await temp.db.selectFrom("poll_leases").select("poll_key").execute()).toEqual([{ poll_key: request("z", 0).id }]);
    expect(await a.claim(request("y", START + 5_000))).toEqual({ kind: "call" });
  });

  it("counts every instance's list calls in one on-demand share, and every instance's polls see them", async () => {
    const [a, b] = [instance("a"), instance("b")];
    const onDemand = (now: number) => ({ connectionId: "conn-1", now, cost: 1, perMinute: 60 });
    for (let index = 0; index < 9; index += 1) {
      expect(await a.spendOnDemand(onDemand(START + index))).toEqual({ kind: "call" });
      expect(await b.spendOnDemand(onDemand(START + 100 + index))).toEqual({ kind: "call" });
    }
    // 18 of Mindo's 60 is the share, whichever instance asks; it frees up a minute after the first.
    expect(await b.spendOnDemand(onDemand(START + 1_000))).toEqual({ kind: "budget", availableAt: START + 60_000 });
    // Polls count them: 42 more fit in the minute, the 43rd waits.
    for (let index = 0; index < 42; index += 1) expect(await a.claim(request(`p${index}`, START + 2_000))).toEqual({ kind: "call" });
    expect(await a.claim(request("late", START + 2_000))).toMatchObject({ kind: "budget" });
  });

  it("refuses a list call on a held connection without booking it", async () => {
    const a = instance("a");
    const error = { code: "provider_rate_limited", message: "Mindo asked us to wait." } as const;
    await a.hold("conn-1", { until: START + 5_000, error });
    expect(await a.spendOnDemand({ connectionId: "conn-1", now: START, cost: 1, perMinute: 60 })).toEqual({ kind: "held", until: START + 5_000, error });
    expect(await temp.db.selectFrom("poll_calls").selectAll().execute()).toEqual([]);
  });

  it("says database_unavailable when the server does not answer", async () => {
    const down = openPostgres("postgres://nobody@127.0.0.1:1/none", { poolSize: 1 });
    const coordinator = createPostgresCoordinator({ db: async () => down });
    const failure = await coordinator.claim(request("x", START)).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(AppError);
    expect(failure).toMatchObject({ code: "database_unavailable", status: 503 });
    await down.destroy();
  });
});
