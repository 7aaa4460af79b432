import "server-only";
import { getEnv, type Env } from "@/lib/env";
import type { ProviderConnection } from "@/lib/providers/types";
import { getAdapter } from "@/lib/providers/registry";
import type { ProviderId } from "@/lib/providers/provider-id";
import { databaseEngine, getDb } from "../db/database";
import { noteFollowedSnapshot, recordPolledSnapshot } from "../history";
import { getLogger } from "../logger";
import { createPollScheduler, createPostgresCoordinator, localCoordinator, pollKeyToString, PROVIDER_POLL_BUDGETS, type PollCoordinator, type PollScheduler } from "../polling";

/**
 * What the scheduler needs to call one connection, registered by viewers' reads so edits apply;
 * `source` is the resolved connection it was made from (a new one after every edit).
 */
export type ConnectionTarget = { connection: ProviderConnection; budgetPerMinute: number | null; source?: object };

/** How long a viewer waits for a batch's first snapshot before hearing "not yet". */
const FIRST_SNAPSHOT_WAIT_MS = 12_000;

type PollerState = { scheduler: PollScheduler; targets: Map<string, ConnectionTarget> };

// One scheduler per process, shared by every bundle Next loads this module into.
const holder = globalThis as typeof globalThis & { __sendboardPoller?: PollerState };

export function getPoller(): PollerState {
  if (holder.__sendboardPoller) return holder.__sendboardPoller;
  const targets = new Map<string, ConnectionTarget>();
  const scheduler = createPollScheduler({
    fetchBatch: async (key, signal) => {
      const target = targets.get(key.connectionId);
      if (!target) throw new Error(`No connection registered for ${key.connectionId}`);
      return getAdapter(key.provider).getBatch(key.batchId, { connection: target.connection, now: new Date(), signal });
    },
    // Every snapshot goes to history; recordPolledSnapshot never rejects.
    onSnapshot: (key, snapshot) => void recordPolledSnapshot(key, snapshot, { retentionDays: getEnv().HISTORY_RETENTION_DAYS }),
    onFollowedSnapshot: (key, snapshot) => noteFollowedSnapshot(pollKeyToString(key), snapshot),
    budgetFor: (connectionId: string, provider: ProviderId) =>
      targets.get(connectionId)?.budgetPerMinute ?? PROVIDER_POLL_BUDGETS[provider].perMinute,
    coordinator: coordinatorFor(getEnv()),
    firstSnapshotWaitMs: FIRST_SNAPSHOT_WAIT_MS,
  });
  holder.__sendboardPoller = { scheduler, targets };
  return holder.__sendboardPoller;
}

/** Alone on SQLite the scheduler decides by itself; on PostgreSQL the instances share leases and budgets. */
function coordinatorFor(env: Env): PollCoordinator {
  if (databaseEngine(env) === "sqlite") return localCoordinator;
  const coordinator = createPostgresCoordinator({
    db: getDb,
    callAllowanceMs: env.UPSTREAM_TIMEOUT_MS,
    onError: (error) => getLogger().warn({ errorName: error instanceof Error ? error.name : typeof error }, "poll coordination: publishing a snapshot failed"),
  });
  // The id poll_leases.holder names: which instance polls what, for an operator reading the table.
  getLogger().info({ instanceId: coordinator.instanceId }, "polling shared with other instances through PostgreSQL");
  return coordinator;
}
