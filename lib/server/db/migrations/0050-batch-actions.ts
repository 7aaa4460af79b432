import type { Kysely } from "kysely";

// batch_action_claims: one row per (connection, provider, batch, action) decides which request
// makes a control call (insert-or-conflict), and holds its answer for the requests that came
// with it. poll_leases.requested_at: when an instance last took a lease over to poll a batch at
// once (requestPoll), so requests from several instances in one moment make one call.
// send_times: SendGrid cannot return a batch's send_at; the team tells Sendboard.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("batch_action_claims")
    .addColumn("connection_id", "text", (col) => col.notNull())
    .addColumn("provider", "text", (col) => col.notNull())
    .addColumn("batch_id", "text", (col) => col.notNull())
    .addColumn("action", "text", (col) => col.notNull())
    .addColumn("claim_id", "text", (col) => col.notNull())
    .addColumn("started_at", "text", (col) => col.notNull())
    .addColumn("expires_at", "text", (col) => col.notNull())
    .addColumn("result", "text")
    .addPrimaryKeyConstraint("batch_action_claims_pk", ["connection_id", "provider", "batch_id", "action"])
    .execute();
  await db.schema.alterTable("poll_leases").addColumn("requested_at", "text").execute();
  await db.schema
    .createTable("send_times")
    .addColumn("connection_id", "text", (col) => col.notNull())
    .addColumn("batch_id", "text", (col) => col.notNull())
    .addColumn("send_at", "text", (col) => col.notNull())
    .addColumn("updated_at", "text", (col) => col.notNull())
    .addPrimaryKeyConstraint("send_times_pk", ["connection_id", "batch_id"])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable("send_times").execute();
  await db.schema.alterTable("poll_leases").dropColumn("requested_at").execute();
  await db.schema.dropTable("batch_action_claims").execute();
}
