import "server-only";
import { LRUCache } from "lru-cache";
import type { BatchSnapshot } from "@/lib/batch-snapshot";
import { processSingleton } from "@/lib/server/process-singleton";
import { countersFingerprint } from "./fingerprint";
import { LAST_SEEN_MAX_KEYS, type LastSeen } from "./last-seen";

/**
 * On an instance that follows a batch another instance polls (PostgreSQL), the fresh snapshots it
 * adopted, counted the way the poller counts its own calls: "stalled" needs several unchanged
 * polls, and without this count a follower would never say it, so two viewers behind one load
 * balancer could disagree.
 */
export type FollowedPolls = LRUCache<string, Pick<LastSeen, "counters" | "unchangedPolls">>;

export function createFollowedPolls(max: number = LAST_SEEN_MAX_KEYS): FollowedPolls {
  return new LRUCache({ max });
}

export function sharedFollowedPolls(): FollowedPolls {
  return processSingleton("history:followed-polls", () => createFollowedPolls());
}

/** One fresh snapshot another instance fetched, adopted here (the scheduler calls this once per fetch). */
export function noteFollowedSnapshot(key: string, snapshot: BatchSnapshot, followed: FollowedPolls = sharedFollowedPolls()): void {
  if (snapshot.stale) return;
  const counters = countersFingerprint(snapshot);
  const previous = followed.get(key);
  followed.set(key, { counters, unchangedPolls: previous?.counters === counters ? previous.unchangedPolls + 1 : 1 });
}
