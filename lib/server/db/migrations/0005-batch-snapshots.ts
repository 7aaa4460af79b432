import type { Kysely } from "kysely";

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("batch_snapshots")
    .addColumn("poll_key", "text", (col) => col.notNull())
    .addColumn("fetched_at", "text", (col) => col.notNull())
    .addColumn("state", "text", (col) => col.notNull())
    .addColumn("processed", "integer", (col) => col.notNull())
    .addColumn("total", "integer")
    .addColumn("data", "text", (col) => col.notNull())
    .addPrimaryKeyConstraint("batch_snapshots_pk", ["poll_key", "fetched_at"])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable("batch_snapshots").execute();
}
