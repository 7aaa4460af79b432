import "server-only";

type Entry<T> = { value: T; expiresAt: number };

export type CoalescingCacheOptions<T> = {
  /** How long a loaded value may be reused, decided per value (terminal batches keep longer). */
  ttlMs: (value: T) => number;
  /** Most entries kept; the oldest is dropped first so a long-running server stays bounded. */
  maxEntries: number;
  now?: () => number;
};

/**
 * Many viewers asking for the same key at once share one load, and a fresh value is reused
 * for its time to live. Failures are shared by the callers already waiting but never cached,
 * so the next request tries again.
 */
export function createCoalescingCache<T>(options: CoalescingCacheOptions<T>) {
  const now = options.now ?? Date.now;
  const values = new Map<string, Entry<T>>();
  const inFlight = new Map<string, Promise<T>>();

  function remember(key: string, value: T) {
    values.delete(key);
    values.set(key, { value, expiresAt: now() + options.ttlMs(value) });
    while (values.size > options.maxEntries) {
      const oldest = values.keys().next().value;
      if (oldest === undefined) break;
      values.delete(oldest);
    }
  }

  return {
    async get(key: string, load: () => Promise<T>): Promise<T> {
      const cached = values.get(key);
      if (cached && cached.expiresAt > now()) return cached.value;
      const pending = inFlight.get(key);
      if (pending) return pending;
      const promise = load()
        .then((value) => {
          remember(key, value);
          return value;
        })
        .finally(() => inFlight.delete(key));
      inFlight.set(key, promise);
      return promise;
    },
    size: () => values.size,
  };
}
