import "server-only";
import type { ProviderConnection } from "@/lib/providers/types";
import { getAdapter } from "@/lib/providers/registry";
import type { ProviderId } from "@/lib/providers/provider-id";
import { recordPolledSnapshot } from "./history";
import { createPollScheduler, PROVIDER_POLL_BUDGETS, type PollScheduler } from "./polling";

/** What the scheduler needs to call one connection; refreshed on every read so edits apply. */
export type ConnectionTarget = { connection: ProviderConnection; budgetPerMinute: number | null };

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
    onSnapshot: (key, snapshot) => void recordPolledSnapshot(key, snapshot),
    budgetFor: (connectionId: string, provider: ProviderId) =>
      targets.get(connectionId)?.budgetPerMinute ?? PROVIDER_POLL_BUDGETS[provider].perMinute,
  });
  holder.__sendboardPoller = { scheduler, targets };
  return holder.__sendboardPoller;
}
