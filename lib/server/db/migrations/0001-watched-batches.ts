import type { Kysely } from "kysely";

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("watched_batches")
    .addColumn("id", "text", (col) => col.primaryKey())
    .addColumn("team_id", "text", (col) => col.notNull())
    .addColumn("connection_id", "text", (col) => col.notNull())
    .addColumn("provider", "text", (col) => col.notNull())
    .addColumn("batch_id", "text", (col) => col.notNull())
    .addColumn("label", "text")
    .addColumn("added_by", "text", (col) => col.notNull())
    .addColumn("added_at", "text", (col) => col.notNull())
    .addColumn("position", "integer", (col) => col.notNull().defaultTo(0))
    .addUniqueConstraint("watched_batches_unique", ["team_id", "connection_id", "provider", "batch_id"])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable("watched_batches").execute();
}
