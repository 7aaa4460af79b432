import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import SQLite from "better-sqlite3";
import { Kysely, Migrator, PostgresDialect, SqliteDialect } from "kysely";
import pg from "pg";
import { migrations } from "../../lib/server/db/migrations";
import type { Database } from "../../lib/server/db/schema";
import type { PostRows } from "./sendgrid-bodies";

/**
 * The floors the webhook is measured against, each a plain loop into a fresh database of the
 * same engine and settings as the app's (SQLite in WAL, or a schema of its own on DATABASE_URL),
 * one transaction per POST's worth: `events`, its event rows alone in one multi-row INSERT;
 * `sameRows`, the rows the webhook writes, its event rows and a row per message it touches
 * (upserted), with none of the reading, merging, verifying or HTTP.
 */
export async function bareInsertSeconds(
  posts: readonly PostRows[],
): Promise<{ events: number; sameRows: number }> {
  const events = await timed(async (db) => {
    for (const rows of posts)
      await db
        .transaction()
        .execute((trx) => trx.insertInto("sendgrid_events").values(rows.events).execute());
  });
  const sameRows = await timed(async (db) => {
    for (const rows of posts)
      await db.transaction().execute(async (trx) => {
        await trx.insertInto("sendgrid_events").values(rows.events).execute();
        await trx
          .insertInto("sendgrid_messages")
          .values(rows.messages)
          .onConflict((conflict) =>
            conflict.columns(["connection_id", "message_key"]).doUpdateSet((eb) => ({
              status: eb.ref("excluded.status"),
              reason: eb.ref("excluded.reason"),
              opened: eb.ref("excluded.opened"),
              updated_at: eb.ref("excluded.updated_at"),
            })),
          )
          .execute();
      });
  });
  return { events, sameRows };
}

async function timed(run: (db: Kysely<Database>) => Promise<void>): Promise<number> {
  const { db, close } = await openBareDatabase();
  try {
    const started = performance.now();
    await run(db);
    return (performance.now() - started) / 1_000;
  } finally {
    await close();
  }
}

async function openBareDatabase(): Promise<{ db: Kysely<Database>; close: () => Promise<void> }> {
  const url = process.env.DATABASE_URL;
  if (url) {
    const schema = `bench_${Date.now().toString(36)}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`create schema ${schema}`);
    const db = new Kysely<Database>({
      dialect: new PostgresDialect({
        pool: new pg.Pool({ connectionString: url, max: 2, options: `-c search_path=${schema}` }),
      }),
    });
    await migrate(db, schema);
    return {
      db,
      close: async () => {
        await db.destroy();
        await admin.query(`drop schema ${schema} cascade`);
        await admin.end();
      },
    };
  }
  const dir = mkdtempSync(path.join(os.tmpdir(), "sendboard-bare-"));
  const sqlite = new SQLite(path.join(dir, "bare.sqlite"));
  sqlite.pragma("journal_mode = WAL");
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
  await migrate(db);
  return {
    db,
    close: async () => {
      await db.destroy();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function migrate(db: Kysely<Database>, schema?: string) {
  const { error } = await new Migrator({
    db,
    provider: { getMigrations: async () => migrations },
    migrationTableSchema: schema,
  }).migrateToLatest();
  if (error) throw error;
}
