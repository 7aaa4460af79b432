import { randomUUID } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Kysely } from "kysely";
import pg from "pg";
import { applyMigrations, openSqlite } from "@/lib/server/db/database";
import { openPostgres } from "@/lib/server/db/postgres";
import type { Database } from "@/lib/server/db/schema";

export type TempDatabase = { db: Kysely<Database>; dir: string; close: () => Promise<void> };

/**
 * A migrated, empty database for tests that need the real engine: a schema of its own on the
 * PostgreSQL at DATABASE_URL when that is set (CI's second run), else SQLite in a temp folder.
 * `dir` is the folder, or the schema's name. `migrated: false` leaves it without tables, for
 * tests of a migration.
 */
export async function openTempDatabase({ migrated = true } = {}): Promise<TempDatabase> {
  const url = process.env.DATABASE_URL;
  return url ? openTempSchema(url, migrated) : openTempSqlite(migrated);
}

async function openTempSqlite(migrated: boolean): Promise<TempDatabase> {
  const dir = mkdtempSync(path.join(os.tmpdir(), "sendboard-test-"));
  const db = openSqlite(dir);
  if (migrated) await applyMigrations(db);
  return {
    db,
    dir,
    close: async () => {
      await db.destroy();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function openTempSchema(url: string, migrated: boolean): Promise<TempDatabase> {
  const schema = `test_${randomUUID().replaceAll("-", "")}`;
  await runOnce(url, `create schema ${schema}`);
  const db = openPostgres(url, { poolSize: 4, schema });
  if (migrated) await applyMigrations(db);
  return {
    db,
    dir: schema,
    close: async () => {
      await db.destroy();
      await runOnce(url, `drop schema ${schema} cascade`);
    },
  };
}

async function runOnce(url: string, statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}
