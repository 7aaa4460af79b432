import "server-only";
import { LRUCache } from "lru-cache";
import { processSingleton } from "@/lib/server/process-singleton";

/** What the recorder remembers per poll key, so an unchanged snapshot costs no database read. */
export type LastSeen = {
  /** snapshotFingerprint of the newest stored row. */
  stored: string;
  /** countersFingerprint of the newest fresh snapshot… */
  counters: string;
  /** …and how many fresh snapshots in a row have had those counters. */
  unchangedPolls: number;
};

export type LastSeenCache = LRUCache<string, LastSeen>;

/** Above the scheduler's own entry limit, so a watched batch is never evicted while polled. */
export const LAST_SEEN_MAX_KEYS = 10_000;

export function createLastSeenCache(max: number = LAST_SEEN_MAX_KEYS): LastSeenCache {
  return new LRUCache<string, LastSeen>({ max });
}

// The poller's hook and the API routes can run in different bundles of one process.
export function sharedLastSeen(): LastSeenCache {
  return processSingleton("history:last-seen", () => createLastSeenCache());
}
