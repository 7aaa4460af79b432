import "server-only";
import { chmodSync, closeSync, existsSync, mkdirSync, openSync } from "node:fs";
import path from "node:path";
import SQLite from "better-sqlite3";
import { Kysely, Migrator, PostgresAdapter, sql, SqliteDialect } from "kysely";
import { getEnv, type Env } from "@/lib/server/env";
import { getLogger } from "../logger";
import { ensureBootstrapAdmin } from "../people/users";
import { processSingleton } from "../process-singleton";
import { migrations } from "./migrations";
import { openPostgres } from "./postgres";
import type { Database } from "./schema";
import { isUnreachableError, unavailableError, withUnavailableErrors } from "./unavailable";

export type DatabaseEngine = "sqlite" | "postgres";

/** DATABASE_URL set: PostgreSQL, which several instances may share. Unset: SQLite in DATA_DIR, one instance. */
export function databaseEngine(env: Env = getEnv()): DatabaseEngine {
  return env.DATABASE_URL ? "postgres" : "sqlite";
}

/**
 * better-sqlite3 waits for a lock synchronously, holding the whole process: a short wait, then 503
 * database_unavailable with Retry-After rather than a 500 after seconds.
 */
const SQLITE_BUSY_TIMEOUT_MS = 1_000;
const SQLITE_FILES = ["sendboard.sqlite", "sendboard.sqlite-wal", "sendboard.sqlite-shm"];

export function openSqlite(dataDir: string, { busyTimeoutMs = SQLITE_BUSY_TIMEOUT_MS } = {}): Kysely<Database> {
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const file = path.join(dataDir, "sendboard.sqlite");
  // Readable by its owner only: it holds password hashes, encrypted keys and everyone's sends.
  if (!existsSync(file)) closeSync(openSync(file, "a", 0o600));
  const sqlite = new SQLite(file);
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma(`busy_timeout = ${busyTimeoutMs}`);
  // SQLite gives its -wal and -shm files the database file's mode; older installs get it now.
  // (The ignore comment keeps Turbopack from tracing the whole project for a runtime path.)
  for (const name of SQLITE_FILES) {
    const sibling = path.join(/*turbopackIgnore: true*/ dataDir, name);
    if (existsSync(sibling)) chmodSync(sibling, 0o600);
  }
  return new Kysely<Database>({ dialect: withUnavailableErrors(new SqliteDialect({ database: sqlite })) });
}


function openConfigured(env: Env): Kysely<Database> {
  if (!env.DATABASE_URL) return openSqlite(env.DATA_DIR);
  return openPostgres(env.DATABASE_URL, {
    poolSize: env.DATABASE_POOL_SIZE,
    onPoolError: (error) => getLogger().warn({ code: errorCode(error) }, "database connection lost; the pool reconnects on the next query"),
  });
}

/** Every migration, or (for a migration's own test) those up to and including `upTo`. */
export async function applyMigrations(db: Kysely<Database>, upTo?: string): Promise<void> {
  // Kysely looks for its own tables in every schema unless told which one: name ours.
  const migrationTableSchema = await postgresSchemaOf(db);
  const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations }, migrationTableSchema });
  const { error } = upTo === undefined ? await migrator.migrateToLatest() : await migrator.migrateTo(upTo);
  if (!error) return;
  if (isUnreachableError(error)) throw unavailableError(error);
  throw new Error(`Database migration failed: ${error instanceof Error ? error.message : String(error)}`);
}

async function postgresSchemaOf(db: Kysely<Database>): Promise<string | undefined> {
  if (!(db.getExecutor().adapter instanceof PostgresAdapter)) return undefined;
  const { rows } = await sql<{ name: string | null }>`select current_schema() as name`.execute(db);
  return rows[0]?.name ?? undefined;
}

// Next can load this module in several bundles (instrumentation, routes, pages); one process keeps
// one connection and migrates once, so the handle is a process singleton.
type DatabaseState = { db: Promise<Kysely<Database>> | undefined; ready: boolean };
const state = () => processSingleton<DatabaseState>("database", () => ({ db: undefined, ready: false }));

export function getDb(): Promise<Kysely<Database>> {
  const holder = state();
  holder.db ??= (async () => {
    const env = getEnv();
    const db = openConfigured(env);
    try {
      await prepare(db, env);
      return db;
    } catch (error) {
      await db.destroy().catch(() => undefined);
      throw error;
    }
  })();
  // A failed start (a locked file, a database that is down) is not remembered: the next caller tries again.
  holder.db.catch(() => {
    holder.db = undefined;
  });
  return holder.db;
}

async function prepare(db: Kysely<Database>, env: Env): Promise<void> {
  if (state().ready) return;
  await applyMigrations(db);
  await ensureAdmin(db, env);
  state().ready = true;
}

/** Instances starting together on an empty database race to create the admin; the loser finds it made. */
async function ensureAdmin(db: Kysely<Database>, env: Env): Promise<void> {
  const admin = { email: env.ADMIN_EMAIL, password: env.ADMIN_PASSWORD };
  try {
    await ensureBootstrapAdmin(db, admin);
  } catch (error) {
    if (!(error instanceof Error && /unique|duplicate/i.test(error.message))) throw error;
    await ensureBootstrapAdmin(db, admin);
  }
}

/**
 * At start-up: migrate, or, when the database is down, say so and start anyway. Requests answer
 * 503 database_unavailable and /api/ready 503 until it is back; the first query after that connects.
 * Next runs start-up in the instrumentation bundle, whose copies of our modules (AppError among
 * them) are not the ones route handlers check errors against: it migrates through a handle of
 * its own and leaves the shared one to the first request.
 */
export async function migrateToLatest(): Promise<void> {
  const env = getEnv();
  const db = openConfigured(env);
  try {
    await prepare(db, env);
  } catch (error) {
    if (!isUnreachableError(error)) throw error;
    getLogger().error({ engine: databaseEngine(env), reason: (error as Error).message }, "database unavailable at start-up; serving 503 until it answers");
  } finally {
    await db.destroy().catch(() => undefined);
  }
}

function errorCode(error: unknown): string | undefined {
  const code = error instanceof Error ? (error as { code?: unknown }).code : undefined;
  return typeof code === "string" ? code : undefined;
}
