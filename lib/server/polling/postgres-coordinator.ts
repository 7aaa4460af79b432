import "server-only";
import { randomUUID } from "node:crypto";
import { sql, type Kysely, type Transaction } from "kysely";
import type { Database } from "@/lib/server/db/schema";
import { isErrorCode } from "@/lib/errors";
import type { ClaimDecision, ClaimRequest, ConnectionHold, OnDemandDecision, OnDemandRequest, SharedLatest } from "./coordinator";
import { fromLatestRow, toLatestRow } from "./latest-row";
import { onDemandFitsAt } from "./on-demand-budget";
import { createRollingWindow, WINDOW_MS } from "./rolling-window";
import { POLL_CADENCE } from "./settings";

export type PostgresCoordinatorOptions = {
  db: () => Promise<Kysely<Database>>;
  /** Random per process unless a test names it. */
  instanceId?: string;
  /** The longest a call can take (UPSTREAM_TIMEOUT_MS): a lease outlives the call it covers. */
  callAllowanceMs?: number;
  /** A final snapshot this recent is served as is, even by an instance that never polled the batch. */
  finalKeepMs?: number;
  /** A publish that failed (the database is down); polling goes on. */
  onError?: (error: unknown) => void;
};

/** A PollCoordinator whose answers always come from the database. */
export type PostgresCoordinator = {
  instanceId: string;
  claim(request: ClaimRequest): Promise<ClaimDecision>;
  publish(id: string, latest: SharedLatest, intervalMs: number): Promise<void>;
  hold(connectionId: string, hold: ConnectionHold): Promise<void>;
  peek(id: string): Promise<SharedLatest | null>;
  spendOnDemand(request: OnDemandRequest): Promise<OnDemandDecision>;
};

const PRUNE_EVERY_MS = 60 * 60_000;
/** Requested polls of one batch taken over within this long of each other make one call. */
const REQUEST_COALESCE_MS = 1_000;
const KEEP_LATEST_MS = 24 * 60 * 60_000;

const LATEST_COLUMNS = ["snapshot", "fetched_at", "next_poll_at", "error", "final", "tail_count", "updated_at"] as const;

const iso = (ms: number) => new Date(ms).toISOString();

// Thrown inside a claim's transaction, so it rolls back and the lease stays with whoever had it.
class NoCallYet extends Error {
  constructor(readonly decision: ClaimDecision) {
    super("no call yet");
  }
}

/**
 * Instances sharing one PostgreSQL: each batch has a lease (poll_leases) that one instance takes
 * or renews in a single upsert; only the holder calls upstream, and it takes the connection's call
 * slot (poll_calls, a rolling minute) in the same transaction. It publishes every outcome to
 * batch_latest, which the other instances serve. A lease lasts two intervals past the holder's
 * next call, so a dead holder is replaced one cadence step late. A 429 or an open breaker on any
 * instance becomes a hold (connection_holds) that every claim on the connection obeys.
 */
export function createPostgresCoordinator(options: PostgresCoordinatorOptions): PostgresCoordinator {
  const me = options.instanceId ?? randomUUID();
  const callAllowanceMs = options.callAllowanceMs ?? 10_000;
  const finalKeepMs = options.finalKeepMs ?? POLL_CADENCE.evictAfterMs;
  let lastPruneAt = 0;

  async function claim(request: ClaimRequest): Promise<ClaimDecision> {
    const db = await options.db();
    try {
      return await db.transaction().execute(async (trx) => {
        const { now } = request;
        const leaseExpiresAt = now + 2 * request.intervalMs + callAllowanceMs;
        const requested = request.requested === true;
        if (!(await takeLease(trx, request.id, now, leaseExpiresAt, requested))) return follow(trx, request.id);
        const latest = await readLatest(trx, request.id);
        if (!requested && latest?.final && latest.error === null && latest.updatedAt > now - finalKeepMs) return { kind: "follow", latest, leaseExpiresAt };
        const hold = await readHold(trx, request.connectionId);
        if (hold && hold.until > now) throw new NoCallYet({ kind: "held", ...hold });
        const availableAt = await takeCallSlot(trx, request);
        if (availableAt > now) throw new NoCallYet({ kind: "budget", availableAt });
        return { kind: "call" };
      });
    } catch (error) {
      if (error instanceof NoCallYet) return error.decision;
      throw error;
    }
  }

  /**
   * The lease: free (expired) or already ours. A requested poll (requestPoll) takes it from a live
   * holder too, unless another instance took it for a request within REQUEST_COALESCE_MS: requests
   * on every instance in one moment make one call, which all of them then follow.
   */
  async function takeLease(trx: Transaction<Database>, pollKey: string, now: number, expiresAt: number, requested: boolean): Promise<boolean> {
    const requestedAt = requested ? iso(now) : null;
    const row = await trx
      .insertInto("poll_leases")
      .values({ poll_key: pollKey, holder: me, expires_at: iso(expiresAt), requested_at: requestedAt })
      .onConflict((conflict) =>
        conflict
          .column("poll_key")
          .doUpdateSet((eb) => ({
            holder: me,
            expires_at: iso(expiresAt),
            requested_at: requested ? requestedAt : eb.ref("poll_leases.requested_at"),
          }))
          .where((eb) => {
            const free = [eb("poll_leases.expires_at", "<", iso(now)), eb("poll_leases.holder", "=", me)];
            if (!requested) return eb.or(free);
            const coalesced = eb.and([eb("poll_leases.requested_at", "is not", null), eb("poll_leases.requested_at", ">", iso(now - REQUEST_COALESCE_MS))]);
            return eb.or([...free, eb.not(coalesced)]);
          }),
      )
      .returning("holder")
      .executeTakeFirst();
    return row !== undefined;
  }

  async function follow(trx: Transaction<Database>, pollKey: string): Promise<ClaimDecision> {
    const lease = await trx.selectFrom("poll_leases").select("expires_at").where("poll_key", "=", pollKey).executeTakeFirstOrThrow();
    return { kind: "follow", latest: await readLatest(trx, pollKey), leaseExpiresAt: Date.parse(lease.expires_at) };
  }

  /** The call slot, or when one frees up. */
  async function takeCallSlot(trx: Transaction<Database>, request: ClaimRequest): Promise<number> {
    const { connectionId, now, cost, perMinute } = request;
    await lockCallWindow(trx, connectionId, now);
    const { used } = await trx
      .selectFrom("poll_calls")
      .select((eb) => eb.fn.coalesce(eb.fn.sum<number>("cost"), sql<number>`0`).as("used"))
      .where("connection_id", "=", connectionId)
      .executeTakeFirstOrThrow();
    if (Number(used) + cost > perMinute) {
      const calls = await trx.selectFrom("poll_calls").select(["at", "cost"]).where("connection_id", "=", connectionId).orderBy("at").execute();
      const window = createRollingWindow();
      for (const call of calls) window.record(Date.parse(call.at), call.cost);
      return window.availableAt(now, cost, perMinute);
    }
    await trx.insertInto("poll_calls").values({ connection_id: connectionId, at: iso(now), cost }).execute();
    return now;
  }

  /** A list or recipient call: the reserve rule over every instance's calls, booked in the same lock as polls. */
  async function spendOnDemand(request: OnDemandRequest): Promise<OnDemandDecision> {
    const { connectionId, now, cost } = request;
    const db = await options.db();
    return db.transaction().execute(async (trx) => {
      const hold = await readHold(trx, connectionId);
      if (hold && hold.until > now) return { kind: "held", ...hold };
      await lockCallWindow(trx, connectionId, now);
      const calls = await trx.selectFrom("poll_calls").select(["at", "cost", "on_demand"]).where("connection_id", "=", connectionId).orderBy("at").execute();
      const windows = { all: createRollingWindow(), onDemand: createRollingWindow() };
      for (const call of calls) {
        windows.all.record(Date.parse(call.at), call.cost);
        if (call.on_demand) windows.onDemand.record(Date.parse(call.at), call.cost);
      }
      const availableAt = onDemandFitsAt(windows, now, request);
      if (availableAt > now) return { kind: "budget", availableAt };
      await trx.insertInto("poll_calls").values({ connection_id: connectionId, at: iso(now), cost, on_demand: 1 }).execute();
      return { kind: "call" };
    });
  }

  async function publish(pollKey: string, latest: SharedLatest, intervalMs: number): Promise<void> {
    try {
      const db = await options.db();
      const row = toLatestRow(pollKey, latest);
      await db
        .insertInto("batch_latest")
        .values(row)
        .onConflict((conflict) =>
          conflict
            .column("poll_key")
            .doUpdateSet((eb) => Object.fromEntries(LATEST_COLUMNS.map((column) => [column, eb.ref(`excluded.${column}`)])))
            // A slower, older publish (a holder that lost its lease mid-call) never overwrites a newer one.
            .where("batch_latest.updated_at", "<=", row.updated_at),
        )
        .execute();
      // Renewed past the next call, so followers wait for it rather than take over a live holder.
      const until = Math.max(latest.updatedAt + 2 * intervalMs, (latest.nextPollAt ?? latest.updatedAt) + intervalMs);
      await db.updateTable("poll_leases").set({ expires_at: iso(until) }).where("poll_key", "=", pollKey).where("holder", "=", me).execute();
      await pruneIfDue(db, latest.updatedAt);
    } catch (error) {
      options.onError?.(error);
    }
  }

  async function hold(connectionId: string, { until, error }: ConnectionHold): Promise<void> {
    try {
      const db = await options.db();
      const row = { connection_id: connectionId, until: iso(until), error_code: error.code, error_message: error.message };
      await db
        .insertInto("connection_holds")
        .values(row)
        .onConflict((conflict) =>
          conflict
            .column("connection_id")
            .doUpdateSet({ until: row.until, error_code: row.error_code, error_message: row.error_message })
            // Only ever later: a short wait heard by one instance never cuts a longer one short.
            .where("connection_holds.until", "<", row.until),
        )
        .execute();
    } catch (error) {
      options.onError?.(error);
    }
  }

  /** Leases, latest outcomes and call rows nobody has touched for long; at most hourly per process. */
  async function pruneIfDue(db: Kysely<Database>, now: number) {
    if (now - lastPruneAt < PRUNE_EVERY_MS) return;
    lastPruneAt = now;
    await db.deleteFrom("poll_leases").where("expires_at", "<", iso(now - PRUNE_EVERY_MS)).execute();
    await db.deleteFrom("batch_latest").where("updated_at", "<", iso(now - KEEP_LATEST_MS)).execute();
    await db.deleteFrom("poll_calls").where("at", "<=", iso(now - WINDOW_MS)).execute();
    await db.deleteFrom("connection_holds").where("until", "<", iso(now - PRUNE_EVERY_MS)).execute();
  }

  async function peek(pollKey: string): Promise<SharedLatest | null> {
    const db = await options.db();
    const row = await db.selectFrom("batch_latest").selectAll().where("poll_key", "=", pollKey).executeTakeFirst();
    return row ? fromLatestRow(row) : null;
  }

  return { instanceId: me, claim, publish, hold, peek, spendOnDemand };
}

/** Claims on one connection queue on an advisory lock; the minute's older calls go first. */
async function lockCallWindow(trx: Transaction<Database>, connectionId: string, now: number) {
  await sql`select pg_advisory_xact_lock(hashtextextended(${`poll_calls:${connectionId}`}, 0))`.execute(trx);
  await trx.deleteFrom("poll_calls").where("connection_id", "=", connectionId).where("at", "<=", iso(now - WINDOW_MS)).execute();
}

async function readLatest(trx: Transaction<Database>, pollKey: string): Promise<SharedLatest | null> {
  const row = await trx.selectFrom("batch_latest").selectAll().where("poll_key", "=", pollKey).executeTakeFirst();
  return row ? fromLatestRow(row) : null;
}

async function readHold(trx: Transaction<Database>, connectionId: string): Promise<ConnectionHold | null> {
  const row = await trx.selectFrom("connection_holds").selectAll().where("connection_id", "=", connectionId).executeTakeFirst();
  if (!row) return null;
  return {
    until: Date.parse(row.until),
    error: { code: isErrorCode(row.error_code) ? row.error_code : "provider_error", message: row.error_message },
  };
}
