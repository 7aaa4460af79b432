import "server-only";
import { LRUCache } from "lru-cache";
import { processSingleton } from "../process-singleton";

/** How long a fetched list page is served again: the picker's search and re-opens cost no calls. */
export const LIST_CACHE_MS = 15_000;
/** Bolna's agents change rarely; each agent's batches are kept as long as a page. */
export const AGENT_CACHE_MS = 60_000;

type Cached = Promise<unknown>;

function listCache() {
  return processSingleton("sends:list-cache", () => new LRUCache<string, Cached>({ max: 2_000, ttl: LIST_CACHE_MS, ttlAutopurge: false }));
}

/**
 * One fetch per key at a time, its answer kept `ttlMs`: viewers asking together share the call, and
 * a failure (provider_busy included) is forgotten at once so the next ask tries again.
 */
export function cachedList<T>(key: string, ttlMs: number, fetch: () => Promise<T>): Promise<T> {
  const cache = listCache();
  const hit = cache.get(key) as Promise<T> | undefined;
  if (hit) return hit;
  const pending = fetch();
  cache.set(key, pending, { ttl: ttlMs });
  pending.catch(() => {
    if (cache.peek(key) === pending) cache.delete(key);
  });
  return pending;
}

/** Tests start each case with nothing fetched. */
export function clearListCache() {
  listCache().clear();
}
