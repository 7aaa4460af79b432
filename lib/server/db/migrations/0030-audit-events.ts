import type { Kysely } from "kysely";

// The activity log: one row per recorded change, appended and never edited; only retention
// pruning deletes. The actor's email is a copy, so a row still names a person who was removed.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("audit_events")
    .addColumn("id", "text", (col) => col.primaryKey())
    .addColumn("team_id", "text", (col) => col.notNull())
    .addColumn("at", "text", (col) => col.notNull())
    .addColumn("actor_kind", "text", (col) => col.notNull())
    .addColumn("actor_id", "text")
    .addColumn("actor_email", "text")
    .addColumn("action", "text", (col) => col.notNull())
    .addColumn("target_type", "text", (col) => col.notNull())
    .addColumn("target_id", "text")
    .addColumn("target_label", "text")
    .addColumn("address", "text")
    .addColumn("outcome", "text", (col) => col.notNull())
    .addColumn("details", "text", (col) => col.notNull())
    .execute();
  // A team's newest first, page after page (keyset on at, id); and retention's sweep by age.
  await db.schema.createIndex("audit_events_team_at").on("audit_events").columns(["team_id", "at", "id"]).execute();
  await db.schema.createIndex("audit_events_at").on("audit_events").column("at").execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable("audit_events").execute();
}
