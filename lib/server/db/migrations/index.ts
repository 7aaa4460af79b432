import type { Migration } from "kysely/migration";
import * as watchedBatches from "./0001-watched-batches";

// Migrations are imported, not read from disk, so the bundled server and the tests apply the same list.
export const migrations: Record<string, Migration> = {
  "0001-watched-batches": watchedBatches,
};
