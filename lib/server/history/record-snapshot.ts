import "server-only";
import type { Kysely } from "kysely";
import type { BatchSnapshot } from "@/lib/batch-snapshot";
import type { Database } from "@/lib/server/db/schema";
import { errorName, getLogger } from "@/lib/server/logger";
import { countersFingerprint, snapshotFingerprint } from "./fingerprint";
import { sharedLastSeen, type LastSeen, type LastSeenCache } from "./last-seen";
import {
  pruneIfDue,
  sharedPruneSchedule,
  type PruneSchedule,
  type RetentionSettings,
} from "./prune-schedule";
import { insertRow, readEdgeRow } from "./snapshot-rows";
import { parseStoredSnapshot, toStoredTime } from "./stored-snapshot";

export type RecordOptions = {
  retention?: RetentionSettings;
  now?: Date;
  lastSeen?: LastSeenCache;
  pruneSchedule?: PruneSchedule;
};

/**
 * Stores a fresh snapshot when it differs from the newest stored one for the key in anything but
 * its fetch time. An unchanged snapshot costs a cache lookup; only a cold key reads the newest
 * row. Never throws: history is best effort and must not disturb polling. Resolves to whether a
 * row was written.
 */
export async function recordSnapshot(
  db: Kysely<Database>,
  key: string,
  snapshot: BatchSnapshot,
  options: RecordOptions = {},
): Promise<boolean> {
  if (snapshot.stale) return false;
  const lastSeen = options.lastSeen ?? sharedLastSeen();
  const now = options.now ?? new Date();
  let written = false;
  try {
    const fingerprint = snapshotFingerprint(snapshot);
    const counters = countersFingerprint(snapshot);
    const previous = lastSeen.get(key) ?? (await readLastSeen(db, key));
    lastSeen.set(key, {
      stored: fingerprint,
      counters,
      unchangedPolls: previous?.counters === counters ? previous.unchangedPolls + 1 : 1,
    });
    if (previous?.stored !== fingerprint) {
      await insertRow(db, key, toStoredTime(snapshot.fetchedAt, now), snapshot);
      written = true;
    }
  } catch (error) {
    // Forgotten, so the next snapshot compares against what the database really holds.
    lastSeen.delete(key);
    getLogger().warn({ errorName: errorName(error) }, "history: could not record a snapshot");
  }
  const pruned = await pruneIfDue(
    db,
    now,
    options.retention ?? {},
    options.pruneSchedule ?? sharedPruneSchedule(),
  );
  for (const expired of pruned?.expiredKeys ?? []) lastSeen.delete(expired);
  return written;
}

/** A cold key (a restart, an evicted entry): the newest stored row stands in for the memory. */
async function readLastSeen(db: Kysely<Database>, key: string): Promise<LastSeen | undefined> {
  const row = await readEdgeRow(db, key, "newest");
  const stored = row && parseStoredSnapshot(row.data);
  if (!stored) return undefined;
  // The stored row was itself a fresh poll with these counters.
  return {
    stored: snapshotFingerprint(stored),
    counters: countersFingerprint(stored),
    unchangedPolls: 1,
  };
}
