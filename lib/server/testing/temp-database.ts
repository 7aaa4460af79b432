import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Kysely } from "kysely";
import { applyMigrations, openSqlite } from "@/lib/server/db/database";
import type { Database } from "@/lib/server/db/schema";

/** A migrated SQLite database in a temporary folder, for tests that need the real engine. */
export async function openTempDatabase(): Promise<{ db: Kysely<Database>; dir: string; close: () => Promise<void> }> {
  const dir = mkdtempSync(path.join(os.tmpdir(), "sendboard-test-"));
  const db = openSqlite(dir);
  await applyMigrations(db);
  return {
    db,
    dir,
    close: async () => {
      await db.destroy();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
