import type { Kysely } from "kysely";

// List and recipient calls are booked in poll_calls beside the polls (every instance's poll claims
// count them), marked so their own share of the minute can be counted across instances too.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable("poll_calls").addColumn("on_demand", "integer", (col) => col.notNull().defaultTo(0)).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable("poll_calls").dropColumn("on_demand").execute();
}
