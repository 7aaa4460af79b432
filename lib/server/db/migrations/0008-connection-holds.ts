import type { Kysely } from "kysely";

// A connection no instance may call before `until`: a provider's 429 (Retry-After) or a breaker
// opened by one instance holds back all of them. Used only when instances share PostgreSQL;
// created on SQLite too so both engines keep one schema.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("connection_holds")
    .addColumn("connection_id", "text", (col) => col.primaryKey())
    .addColumn("until", "text", (col) => col.notNull())
    .addColumn("error_code", "text", (col) => col.notNull())
    .addColumn("error_message", "text", (col) => col.notNull())
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable("connection_holds").execute();
}
