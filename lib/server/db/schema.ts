import type { Generated } from "kysely";

// The database as Kysely sees it. Column types are the ones SQLite and PostgreSQL share.
export interface WatchedBatchesTable {
  id: string;
  provider: string;
  batch_id: string;
  label: string | null;
  added_by: string;
  added_at: string;
  position: Generated<number>;
}

export interface Database {
  watched_batches: WatchedBatchesTable;
}
