import "server-only";
import { mkdirSync } from "node:fs";
import path from "node:path";
import SQLite from "better-sqlite3";
import { Kysely, SqliteDialect } from "kysely";
import { Migrator } from "kysely/migration";
import { getEnv } from "@/lib/env";
import { ensureBootstrapAdmin } from "../people/users";
import { migrations } from "./migrations";
import type { Database } from "./schema";

export function openSqlite(dataDir: string): Kysely<Database> {
  mkdirSync(dataDir, { recursive: true });
  const sqlite = new SQLite(path.join(dataDir, "sendboard.sqlite"));
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("busy_timeout = 5000");
  return new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
}

export async function applyMigrations(db: Kysely<Database>): Promise<void> {
  const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations } });
  const { error } = await migrator.migrateToLatest();
  if (error) throw new Error(`Database migration failed: ${error instanceof Error ? error.message : String(error)}`);
}

// Next can load this module in several bundles (instrumentation, routes, pages); one process keeps
// one connection and migrates once, so the handle lives on globalThis.
const holder = globalThis as typeof globalThis & { __sendboardDb?: Promise<Kysely<Database>> };

export function getDb(): Promise<Kysely<Database>> {
  holder.__sendboardDb ??= (async () => {
    const env = getEnv();
    const db = openSqlite(env.DATA_DIR);
    await applyMigrations(db);
    await ensureBootstrapAdmin(db, { email: env.ADMIN_EMAIL, password: env.ADMIN_PASSWORD });
    return db;
  })();
  // A failed start (a locked file, say) is not remembered: the next caller tries again.
  holder.__sendboardDb.catch(() => {
    holder.__sendboardDb = undefined;
  });
  return holder.__sendboardDb;
}

export async function migrateToLatest(): Promise<void> {
  await getDb();
}
