import type { Kysely } from "kysely";

// Alerts (issue 14 §3). A contact point's destination (URL or address) and a webhook's signing
// secret are stored encrypted, bound to the row id; only a masked hint is kept in clear.
// An incident is unique per (rule, batch, sequence): every instance evaluating the same poll
// results inserts the same row, and only the instance whose insert landed sends. Resolving is a
// conditional update (resolved_at still null), so it is sent once too.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("alert_contact_points")
    .addColumn("id", "text", (col) => col.primaryKey())
    .addColumn("team_id", "text", (col) => col.notNull())
    .addColumn("type", "text", (col) => col.notNull())
    .addColumn("name", "text", (col) => col.notNull())
    .addColumn("encrypted_target", "text", (col) => col.notNull())
    .addColumn("target_hint", "text", (col) => col.notNull())
    .addColumn("encrypted_secret", "text")
    .addColumn("created_by", "text", (col) => col.notNull())
    .addColumn("created_at", "text", (col) => col.notNull())
    .execute();
  await db.schema.createIndex("alert_contact_points_team").on("alert_contact_points").column("team_id").execute();
  await db.schema
    .createTable("alert_rules")
    .addColumn("id", "text", (col) => col.primaryKey())
    .addColumn("team_id", "text", (col) => col.notNull())
    .addColumn("board_id", "text")
    .addColumn("connection_id", "text")
    .addColumn("provider", "text")
    .addColumn("batch_id", "text")
    .addColumn("kind", "text", (col) => col.notNull())
    .addColumn("threshold", "double precision")
    .addColumn("minutes", "integer")
    .addColumn("contact_point_ids", "text", (col) => col.notNull()) // JSON array of ids
    .addColumn("created_by", "text", (col) => col.notNull())
    .addColumn("created_at", "text", (col) => col.notNull())
    .execute();
  await db.schema.createIndex("alert_rules_batch").on("alert_rules").columns(["connection_id", "provider", "batch_id"]).execute();
  await db.schema.createIndex("alert_rules_board").on("alert_rules").column("board_id").execute();
  await db.schema
    .createTable("alert_incidents")
    .addColumn("id", "text", (col) => col.primaryKey())
    .addColumn("team_id", "text", (col) => col.notNull())
    .addColumn("rule_id", "text", (col) => col.notNull())
    .addColumn("poll_key", "text", (col) => col.notNull())
    .addColumn("seq", "integer", (col) => col.notNull())
    .addColumn("fired_at", "text", (col) => col.notNull())
    .addColumn("resolved_at", "text")
    .addColumn("batch", "text", (col) => col.notNull()) // JSON: the batch as the firing message described it
    .addUniqueConstraint("alert_incidents_once", ["rule_id", "poll_key", "seq"])
    .execute();
  await db.schema.createIndex("alert_incidents_poll_key").on("alert_incidents").columns(["poll_key", "resolved_at"]).execute();
  await db.schema
    .createTable("alert_deliveries")
    .addColumn("id", "text", (col) => col.primaryKey())
    .addColumn("team_id", "text", (col) => col.notNull())
    .addColumn("contact_point_id", "text", (col) => col.notNull())
    .addColumn("contact_point_name", "text", (col) => col.notNull())
    .addColumn("incident_id", "text")
    .addColumn("message_type", "text", (col) => col.notNull())
    .addColumn("attempt", "integer", (col) => col.notNull())
    .addColumn("status", "text", (col) => col.notNull())
    .addColumn("http_status", "integer")
    .addColumn("error", "text")
    .addColumn("duration_ms", "integer", (col) => col.notNull())
    .addColumn("at", "text", (col) => col.notNull())
    .execute();
  await db.schema.createIndex("alert_deliveries_team_at").on("alert_deliveries").columns(["team_id", "at", "id"]).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable("alert_deliveries").execute();
  await db.schema.dropTable("alert_incidents").execute();
  await db.schema.dropTable("alert_rules").execute();
  await db.schema.dropTable("alert_contact_points").execute();
}
