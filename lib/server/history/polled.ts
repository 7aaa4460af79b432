import "server-only";
import { LRUCache } from "lru-cache";
import type { BatchSnapshot } from "@/lib/batch-snapshot";
import type { BatchInsights } from "@/lib/batch-view";
import { getDb } from "@/lib/server/db/database";
import { errorName, getLogger } from "@/lib/server/logger";
import { pollKeyToString, type PollKey } from "@/lib/server/polling/types";
import { processSingleton } from "@/lib/server/process-singleton";
import { getInsights } from "./get-insights";
import type { RetentionSettings } from "./prune-schedule";
import { recordSnapshot } from "./record-snapshot";

// The two calls the poll scheduler's owner wires: one per fetched snapshot, one per viewer read.

/** The scheduler's onSnapshot hook. Never rejects. */
export async function recordPolledSnapshot(
  key: PollKey,
  snapshot: BatchSnapshot,
  retention: RetentionSettings = {},
): Promise<void> {
  try {
    await recordSnapshot(await getDb(), pollKeyToString(key), snapshot, { retention });
  } catch (error) {
    getLogger().warn({ errorName: errorName(error) }, "history: database unavailable");
  }
}

type CachedInsights = { stamp: string; insights: Promise<BatchInsights | undefined> };

function insightsCache(): LRUCache<string, CachedInsights> {
  return processSingleton("history:insights", () => new LRUCache<string, CachedInsights>({ max: 10_000 }));
}

/**
 * Insights for a viewer's read. They change only with a new snapshot, so every viewer of a batch
 * shares one computation per snapshot and a read between snapshots costs a cache lookup.
 * Undefined (never a rejection) when the history cannot be read: the numbers still show.
 */
export function readBatchInsights(
  key: PollKey,
  latest: BatchSnapshot,
  final: boolean,
): Promise<BatchInsights | undefined> {
  const id = pollKeyToString(key);
  const stamp = `${latest.fetchedAt}|${latest.stale}|${final}`;
  const cache = insightsCache();
  const cached = cache.get(id);
  if (cached?.stamp === stamp) return cached.insights;
  const insights = getDb()
    .then((db) => getInsights(db, id, latest, final))
    .catch((error: unknown) => {
      getLogger().warn({ errorName: errorName(error) }, "history: insights unavailable");
      return undefined;
    });
  cache.set(id, { stamp, insights });
  return insights;
}
