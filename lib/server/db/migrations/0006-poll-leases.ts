import type { Kysely } from "kysely";

// Used only when several instances share PostgreSQL; created on SQLite too so both engines keep one schema.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("poll_leases")
    .addColumn("poll_key", "text", (col) => col.primaryKey())
    .addColumn("holder", "text", (col) => col.notNull())
    .addColumn("expires_at", "text", (col) => col.notNull())
    .execute();
  await db.schema
    .createTable("batch_latest")
    .addColumn("poll_key", "text", (col) => col.primaryKey())
    .addColumn("snapshot", "text")
    .addColumn("fetched_at", "text")
    .addColumn("next_poll_at", "text")
    .addColumn("error", "text")
    .addColumn("final", "integer", (col) => col.notNull().defaultTo(0))
    .addColumn("tail_count", "integer")
    .addColumn("updated_at", "text", (col) => col.notNull())
    .execute();
  await db.schema
    .createTable("poll_calls")
    .addColumn("connection_id", "text", (col) => col.notNull())
    .addColumn("at", "text", (col) => col.notNull())
    .addColumn("cost", "integer", (col) => col.notNull())
    .execute();
  await db.schema.createIndex("poll_calls_connection_at").on("poll_calls").columns(["connection_id", "at"]).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable("poll_calls").execute();
  await db.schema.dropTable("batch_latest").execute();
  await db.schema.dropTable("poll_leases").execute();
}
