import type { Kysely } from "kysely";

// API tokens act for a team from scripts. Only the hash is stored, unique, so every use finds its
// row by index and sees a revocation at once on every instance. The rate window and the last
// refused-use record are columns of the row, moved by conditional updates, so instances share them.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("api_tokens")
    .addColumn("id", "text", (col) => col.primaryKey())
    .addColumn("team_id", "text", (col) => col.notNull())
    .addColumn("name", "text", (col) => col.notNull())
    .addColumn("role", "text", (col) => col.notNull())
    .addColumn("hash", "text", (col) => col.notNull().unique())
    .addColumn("last4", "text", (col) => col.notNull())
    .addColumn("created_by", "text", (col) => col.notNull())
    .addColumn("created_at", "text", (col) => col.notNull())
    .addColumn("expires_at", "text")
    .addColumn("last_used_at", "text")
    .addColumn("revoked_at", "text")
    .addColumn("rate_window_start", "text")
    .addColumn("rate_window_count", "integer", (col) => col.notNull().defaultTo(0))
    .addColumn("refusal_audited_at", "text")
    .execute();
  await db.schema.createIndex("api_tokens_team_created").on("api_tokens").columns(["team_id", "created_at"]).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable("api_tokens").execute();
}
