import type { Kysely } from "kysely";

// A Bolna connection's hook URL: only the token's hash is stored, unique, so every event finds its
// row by index and a rotation (a new hash on the same row) refuses the old token at once on every
// instance. Events are rows keyed by (hook, execution, status): a retried POST inserts nothing, so
// Bolna's retries never apply twice. No phone number or payload is kept, only ids and the status.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("bolna_hooks")
    .addColumn("id", "text", (col) => col.primaryKey())
    .addColumn("team_id", "text", (col) => col.notNull())
    .addColumn("connection_id", "text", (col) => col.notNull())
    .addColumn("token_hash", "text", (col) => col.notNull().unique())
    .addColumn("allowlist", "text", (col) => col.notNull().defaultTo(""))
    .addColumn("created_at", "text", (col) => col.notNull())
    .addColumn("rotated_at", "text", (col) => col.notNull())
    .addColumn("last_event_at", "text")
    .execute();
  await db.schema.createIndex("bolna_hooks_team_connection").on("bolna_hooks").columns(["team_id", "connection_id"]).unique().execute();
  await db.schema
    .createTable("bolna_hook_events")
    .addColumn("hook_id", "text", (col) => col.notNull())
    .addColumn("execution_id", "text", (col) => col.notNull())
    .addColumn("status", "text", (col) => col.notNull())
    .addColumn("batch_id", "text", (col) => col.notNull())
    .addColumn("received_at", "text", (col) => col.notNull())
    .addPrimaryKeyConstraint("bolna_hook_events_pk", ["hook_id", "execution_id", "status"])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable("bolna_hook_events").execute();
  await db.schema.dropTable("bolna_hooks").execute();
}
