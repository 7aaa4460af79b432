import "server-only";
import type { Kysely } from "kysely";
import { LRUCache } from "lru-cache";
import type { BatchHistory } from "@/lib/batch-history";
import type { Database } from "@/lib/server/db/schema";
import { processSingleton } from "@/lib/server/process-singleton";
import { readHistorySeries } from "./history-series";

/** Every viewer of a batch polls its chart; within this window they share one read. */
export const SERIES_CACHE_MS = 5_000;

function seriesCache(): LRUCache<string, Promise<BatchHistory>> {
  return processSingleton(
    "history:series",
    () => new LRUCache<string, Promise<BatchHistory>>({ max: 1_000, ttl: SERIES_CACHE_MS }),
  );
}

export function readBatchHistory(db: Kysely<Database>, key: string): Promise<BatchHistory> {
  const cache = seriesCache();
  const cached = cache.get(key);
  if (cached) return cached;
  const series = readHistorySeries(db, key);
  cache.set(key, series);
  series.catch(() => cache.delete(key));
  return series;
}
