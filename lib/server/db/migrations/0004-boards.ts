import type { Kysely } from "kysely";

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("boards")
    .addColumn("id", "text", (col) => col.primaryKey())
    .addColumn("team_id", "text", (col) => col.notNull())
    .addColumn("name", "text", (col) => col.notNull())
    .addColumn("created_by", "text", (col) => col.notNull())
    .addColumn("created_at", "text", (col) => col.notNull())
    .addColumn("updated_at", "text", (col) => col.notNull())
    .execute();
  await db.schema.createIndex("boards_team").on("boards").column("team_id").execute();
  await db.schema
    .createTable("board_batches")
    .addColumn("id", "text", (col) => col.primaryKey())
    .addColumn("board_id", "text", (col) => col.notNull())
    .addColumn("connection_id", "text", (col) => col.notNull())
    .addColumn("provider", "text", (col) => col.notNull())
    .addColumn("batch_id", "text", (col) => col.notNull())
    .addColumn("label", "text")
    .addColumn("position", "integer", (col) => col.notNull())
    .addColumn("added_at", "text", (col) => col.notNull())
    .addUniqueConstraint("board_batches_unique", ["board_id", "connection_id", "provider", "batch_id"])
    .execute();
  await db.schema
    .createTable("share_links")
    .addColumn("id", "text", (col) => col.primaryKey())
    .addColumn("team_id", "text", (col) => col.notNull())
    .addColumn("board_id", "text")
    .addColumn("connection_id", "text")
    .addColumn("provider", "text")
    .addColumn("batch_id", "text")
    .addColumn("token_hash", "text", (col) => col.notNull().unique())
    .addColumn("created_by", "text", (col) => col.notNull())
    .addColumn("created_at", "text", (col) => col.notNull())
    .addColumn("expires_at", "text")
    .addColumn("revoked_at", "text")
    .addColumn("last_used_at", "text")
    .addColumn("view_count", "integer", (col) => col.notNull().defaultTo(0))
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable("share_links").execute();
  await db.schema.dropTable("board_batches").execute();
  await db.schema.dropTable("boards").execute();
}
