import type { Kysely } from "kysely";

// Failed sign-ins of the last window, one row each, shared by every instance: the limits per
// address and per (account, address) and the delay per account are counted from here.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("sign_in_failures")
    .addColumn("email", "text", (col) => col.notNull())
    .addColumn("address", "text", (col) => col.notNull())
    .addColumn("at", "text", (col) => col.notNull())
    .execute();
  await db.schema.createIndex("sign_in_failures_email_at").on("sign_in_failures").columns(["email", "at"]).execute();
  await db.schema.createIndex("sign_in_failures_address_at").on("sign_in_failures").columns(["address", "at"]).execute();
  await db.schema.createIndex("sign_in_failures_at").on("sign_in_failures").column("at").execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable("sign_in_failures").execute();
}
