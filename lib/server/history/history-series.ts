import "server-only";
import type { Kysely } from "kysely";
import { batchStateSchema } from "@/lib/batch-snapshot";
import { HISTORY_MAX_POINTS, type BatchHistory } from "@/lib/batch-history";
import { progressOf } from "@/lib/providers/lenient";
import type { Database } from "@/lib/server/db/schema";
import { thinEvenly } from "@/lib/thin-evenly";
import { readSeriesRows } from "./snapshot-rows";

/** How many of the newest rows a chart is drawn from, before thinning to HISTORY_MAX_POINTS. */
export const SERIES_SCAN_ROWS = 20_000;

export async function readHistorySeries(
  db: Kysely<Database>,
  key: string,
  max: number = HISTORY_MAX_POINTS,
): Promise<BatchHistory> {
  const rows = thinEvenly(await readSeriesRows(db, key, SERIES_SCAN_ROWS), max);
  return {
    points: rows.map((row) => {
      const state = batchStateSchema.safeParse(row.state);
      return {
        at: row.fetched_at,
        processed: row.processed,
        total: row.total,
        state: state.success ? state.data : "unknown",
        progress: progressOf(row.processed, row.total),
      };
    }),
  };
}
