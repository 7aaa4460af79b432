import "server-only";
import { getEnv, type Env } from "@/lib/server/env";
import { getAdapter } from "@/lib/providers/registry";
import { profileOf } from "@/lib/providers/profiles";
import type { ProviderId } from "@/lib/providers/provider-id";
import { createAlertEvaluator } from "../alerts";
import { providerAccessFor, type ResolvedConnection } from "../connections";
import { databaseEngine, getDb } from "../db/database";
import { noteFollowedSnapshot, recordPolledSnapshot } from "../history";
import { errorName, getLogger } from "../logger";
import {
  createPollScheduler,
  createPostgresCoordinator,
  isPushLive,
  localCoordinator,
  pollKeyToString,
  PROVIDER_POLL_BUDGETS,
  type PollCoordinator,
  type PollEntry,
  type PollKey,
} from "../polling";
import { processSingleton } from "../process-singleton";
import { findSendTime } from "../send-times";
import { emailEventsOf } from "./email-events";

/** How long a viewer waits for a batch's first snapshot before hearing "not yet". */
const FIRST_SNAPSHOT_WAIT_MS = 12_000;

export type Poller = {
  /** The connection the scheduler calls for this id from now on; a resolved connection is new after every edit. */
  register(connection: ResolvedConnection): void;
  /** The batch as the scheduler holds it; its connection must have been registered. */
  read(key: PollKey): Promise<PollEntry>;
  /** PollScheduler.requestPoll: poll it as soon as the budget allows; its connection must have been registered. */
  requestPoll(key: PollKey): Promise<void>;
  /** PollScheduler.holds: this process polls (or follows) the batch for someone now. */
  holds(key: PollKey): boolean;
  /** A list or recipient call on the connection's budget, within the share kept from polls (polling/on-demand.ts). */
  runOnDemand<T>(connection: ResolvedConnection, calls: number, run: () => Promise<T>): Promise<T>;
  stop(): void;
};

// One scheduler per process, shared by every bundle Next loads this module into.
export function getPoller(): Poller {
  return processSingleton("batches:poller", createPoller);
}

function createPoller(): Poller {
  const connections = new Map<string, ResolvedConnection>();
  // Every instance evaluates what it polls or follows; the database decides which one sends.
  const alerts = createAlertEvaluator({ db: getDb });
  const scheduler = createPollScheduler({
    fetchBatch: async (key, signal) => {
      const connection = connections.get(key.connectionId);
      if (!connection) throw new Error(`No connection registered for ${key.connectionId}`);
      const access = providerAccessFor(connection, getEnv().UPSTREAM_TIMEOUT_MS);
      const [sendAt, emailEvents] = await Promise.all([sendTimeOf(key), emailEventsOf(key)]);
      return getAdapter(key.provider).getBatch(key.batchId, { access, now: new Date(), signal, sendAt, emailEvents });
    },
    // Every snapshot goes to history and to the alert rules; neither hook rejects.
    onSnapshot: (key, snapshot) => {
      void recordPolledSnapshot(key, snapshot, { retentionDays: getEnv().HISTORY_RETENTION_DAYS });
      void alerts.onSnapshot(key, snapshot);
    },
    onFailure: (key) => void alerts.onFailure(key),
    onFollowedSnapshot: (key, snapshot) => {
      noteFollowedSnapshot(pollKeyToString(key), snapshot);
      void alerts.onSnapshot(key, snapshot);
    },
    budgetFor: (connectionId: string, provider: ProviderId) =>
      connections.get(connectionId)?.budgetPerMinute ?? PROVIDER_POLL_BUDGETS[provider].perMinute,
    isPushed,
    coordinator: coordinatorFor(getEnv()),
    firstSnapshotWaitMs: FIRST_SNAPSHOT_WAIT_MS,
  });
  const register = (connection: ResolvedConnection) => {
    if (connections.get(connection.id) !== connection) connections.set(connection.id, connection);
  };
  return {
    register,
    read: (key) => scheduler.read(key),
    requestPoll: (key) => scheduler.requestPoll(key),
    holds: (key) => scheduler.holds(key),
    runOnDemand: (connection, calls, run) => {
      // Registered so the lane reads this connection's own budget.
      register(connection);
      return scheduler.runOnDemand({ connectionId: connection.id, provider: connection.provider }, calls, run);
    },
    stop: () => scheduler.stop(),
  };
}

/** Providers whose webhooks ask for polls as things change (bolna-hooks/): only theirs are worth looking up. */
const PUSHING_PROVIDERS: ReadonlySet<ProviderId> = new Set<ProviderId>(["bolna"]);

/** The connection's hook delivered an event lately, here or (PostgreSQL) on another instance. */
export function isPushed(connectionId: string, provider: ProviderId): boolean {
  return PUSHING_PROVIDERS.has(provider) && isPushLive(connectionId, Date.now(), getDb);
}

/** The send time the team gave, for a provider that cannot report it (SendGrid); read on every poll, so an edit shows at the next. */
async function sendTimeOf(key: PollKey): Promise<string | null> {
  if (!profileOf(key.provider).sendTime) return null;
  return findSendTime(await getDb(), key);
}

/** Alone on SQLite the scheduler decides by itself; on PostgreSQL the instances share leases and budgets. */
function coordinatorFor(env: Env): PollCoordinator {
  if (databaseEngine(env) === "sqlite") return localCoordinator;
  const coordinator = createPostgresCoordinator({
    db: getDb,
    callAllowanceMs: env.UPSTREAM_TIMEOUT_MS,
    onError: (error) => getLogger().warn({ errorName: errorName(error) }, "poll coordination: publishing a snapshot failed"),
  });
  // The id poll_leases.holder names: which instance polls what, for an operator reading the table.
  getLogger().info({ instanceId: coordinator.instanceId }, "polling shared with other instances through PostgreSQL");
  return coordinator;
}
