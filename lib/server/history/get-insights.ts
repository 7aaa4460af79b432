import "server-only";
import type { Kysely } from "kysely";
import type { BatchSnapshot } from "@/lib/batch-snapshot";
import type { BatchInsights } from "@/lib/batch-view";
import type { Database } from "@/lib/server/db/schema";
import { computeInsights } from "./compute-insights";
import { countersFingerprint } from "./fingerprint";
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
): Promise<BatchInsights> {
  const [oldest, newest, storedCount] = await Promise.all([
    readEdgeRow(db, key, "oldest"),
    readNewestRows(db, key, INSIGHT_ROWS),
    countRows(db, key),
  ]);
  const rows = oldest && newest[0]?.fetched_at !== oldest.fetched_at ? [oldest, ...newest] : newest;
  const seen = lastSeen.peek(key);
  const unchangedPolls = seen?.counters === countersFingerprint(latest) ? seen.unchangedPolls : 1;
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
