import "server-only";
import { isTerminalState, type BatchSnapshot } from "@/lib/batch-snapshot";
import { getEnv, getProviderSettings } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { checkBatchId } from "@/lib/providers/batch-id";
import { isProviderId, PROVIDER_INFO } from "@/lib/providers/provider-id";
import { getAdapter } from "@/lib/providers/registry";
import { createCoalescingCache } from "./coalescing-cache";

// How long one upstream answer serves every viewer. Small on purpose: the poll scheduler
// (per-provider budgets, backoff) replaces this in one place later.
export const SNAPSHOT_TTL_MS = { active: 1_500, terminal: 60_000 } as const;

const holder = globalThis as typeof globalThis & {
  __sendboardSnapshots?: ReturnType<typeof createCoalescingCache<BatchSnapshot>>;
};

function getSnapshotCache() {
  holder.__sendboardSnapshots ??= createCoalescingCache<BatchSnapshot>({
    ttlMs: (snapshot) => (isTerminalState(snapshot.state) ? SNAPSHOT_TTL_MS.terminal : SNAPSHOT_TTL_MS.active),
    maxEntries: 5_000,
  });
  return holder.__sendboardSnapshots;
}

/** Validates what a viewer asked for, then returns the batch from cache or one shared upstream call. */
export async function getBatchSnapshot(rawProvider: string, rawBatchId: string): Promise<BatchSnapshot> {
  if (!isProviderId(rawProvider)) throw new AppError("invalid_provider", "Unknown provider.");
  const provider = rawProvider;
  const checked = checkBatchId(provider, rawBatchId);
  if (!checked.ok) throw new AppError("invalid_batch_id", checked.reason);

  const env = getEnv();
  const { baseUrl, apiKey } = getProviderSettings(env, provider);
  if (!apiKey) throw new AppError("not_configured", `${PROVIDER_INFO[provider].name} is not configured: no API key is set.`);

  const connection = { baseUrl, apiKey, timeoutMs: env.UPSTREAM_TIMEOUT_MS };
  return getSnapshotCache().get(`${provider}:${checked.batchId}`, () =>
    getAdapter(provider).getBatch(checked.batchId, { connection, now: new Date() }),
  );
}
