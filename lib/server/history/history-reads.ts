import "server-only";
import { LRUCache } from "lru-cache";
import type { BatchHistory } from "@/lib/batch-history";
import { getDb } from "@/lib/server/db/database";
import { readHistoryCsv } from "./history-export";
import { readHistorySeries } from "./history-series";

/** Every viewer of a batch polls its chart; within this window they share one read. */
export const SERIES_CACHE_MS = 5_000;

const holder = globalThis as typeof globalThis & {
  __sendboardHistorySeries?: LRUCache<string, Promise<BatchHistory>>;
};

function seriesCache(): LRUCache<string, Promise<BatchHistory>> {
  holder.__sendboardHistorySeries ??= new LRUCache<string, Promise<BatchHistory>>({
    max: 1_000,
    ttl: SERIES_CACHE_MS,
  });
  return holder.__sendboardHistorySeries;
}

export function readBatchHistory(key: string): Promise<BatchHistory> {
  const cache = seriesCache();
  const cached = cache.get(key);
  if (cached) return cached;
  const series = getDb().then((db) => readHistorySeries(db, key));
  cache.set(key, series);
  series.catch(() => cache.delete(key));
  return series;
}

export async function readBatchHistoryCsv(key: string): Promise<string> {
  return readHistoryCsv(await getDb(), key);
}
