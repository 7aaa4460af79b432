import "server-only";
import type { Kysely } from "kysely";
import type { BatchRef } from "@/lib/batch-ref";
import type { Database } from "@/lib/server/db/schema";
import { formatHistoryCsv } from "./history-csv";
import { readNewestRows } from "./snapshot-rows";
import { parseStoredSnapshot } from "./stored-snapshot";

/** Retention and thinning keep a batch far below this; the cap only bounds a pathological one. */
export const CSV_MAX_ROWS = 50_000;

export async function readHistoryCsv(db: Kysely<Database>, key: string): Promise<string> {
  const rows = await readNewestRows(db, key, CSV_MAX_ROWS);
  return formatHistoryCsv(
    rows.map((row) => ({
      fetchedAt: row.fetched_at,
      state: row.state,
      processed: row.processed,
      total: row.total,
      snapshot: parseStoredSnapshot(row.data),
    })),
  );
}

export function historyCsvFilename({ provider, batchId }: BatchRef): string {
  // Batch ids are already checked; the replace keeps the header safe whatever the rules become.
  return `${provider}-${batchId}-history.csv`.replace(/[^A-Za-z0-9._=-]/g, "_");
}
