import "server-only";
import type { Kysely } from "kysely";
import type { BatchSnapshot } from "@/lib/batch-snapshot";
import type { BatchInsights } from "@/lib/batch-view";
import type { Database } from "@/lib/server/db/schema";
import { computeInsights } from "./compute-insights";
import { countersFingerprint } from "./fingerprint";
import { sharedFollowedPolls, type FollowedPolls } from "./followed-polls";
import { toHistoryPoint, type HistoryPoint } from "./history-point";
import { sharedLastSeen, type LastSeenCache } from "./last-seen";
import { countRows, readEdgeRow, readNewestRows, type SnapshotRow } from "./snapshot-rows";
import { parseStoredSnapshot } from "./stored-snapshot";

/** Enough changes to cover the recent window and a stall's start; older ones only through the first row. */
export const INSIGHT_ROWS = 300;

/** Three bounded indexed reads: the oldest row, the newest INSIGHT_ROWS, and the count. */
export async function getInsights(
  db: Kysely<Database>,
  key: string,
  latest: BatchSnapshot,
  final: boolean,
  lastSeen: LastSeenCache = sharedLastSeen(),
  followed: FollowedPolls = sharedFollowedPolls(),
): Promise<BatchInsights> {
  const [oldest, newest, storedCount] = await Promise.all([
    readEdgeRow(db, key, "oldest"),
    readNewestRows(db, key, INSIGHT_ROWS),
    countRows(db, key),
  ]);
  const rows = oldest && newest[0]?.fetched_at !== oldest.fetched_at ? [oldest, ...newest] : newest;
  // Counted by this instance's own polls or, when another instance polls the batch, by the
  // snapshots adopted from it; whichever has seen the current counters longer.
  const counters = countersFingerprint(latest);
  const runs = [lastSeen.peek(key), followed.peek(key)].flatMap((seen) => (seen?.counters === counters ? [seen.unchangedPolls] : []));
  const unchangedPolls = Math.max(1, ...runs);
  return computeInsights({
    points: rows.flatMap(toPoint),
    latest,
    final,
    unchangedPolls,
    storedCount,
  });
}

function toPoint(row: SnapshotRow): HistoryPoint[] {
  const snapshot = parseStoredSnapshot(row.data);
  return snapshot ? [toHistoryPoint(snapshot, Date.parse(row.fetched_at))] : [];
}
