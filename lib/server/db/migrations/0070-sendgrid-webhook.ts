import type { Kysely } from "kysely";

// SendGrid's Event Webhook. connections: the verification key the admin pastes and the custom arg
// that tags a send with its batch. sendgrid_events: one row per (connection, sg_event_id), so a retry or a
// duplicate is recorded once (its primary key decides, across instances). sendgrid_messages: each
// message's furthest delivery state and whether it was opened or clicked (unique per message).
// sendgrid_tallies: the counts per (connection, batch tag) the batch view reads, kept in step with
// the messages in the same transaction; the tag '' holds the events no send tagged.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable("connections").addColumn("webhook_public_key", "text").execute();
  await db.schema.alterTable("connections").addColumn("webhook_batch_arg", "text").execute();
  await db.schema
    .createTable("sendgrid_events")
    .addColumn("connection_id", "text", (col) => col.notNull())
    .addColumn("sg_event_id", "text", (col) => col.notNull())
    .addColumn("batch_tag", "text", (col) => col.notNull())
    .addColumn("message_key", "text", (col) => col.notNull())
    .addColumn("event", "text", (col) => col.notNull())
    .addColumn("occurred_at", "text")
    .addColumn("received_at", "text", (col) => col.notNull())
    .addPrimaryKeyConstraint("sendgrid_events_pk", ["connection_id", "sg_event_id"])
    .execute();
  // Event rows are kept only for as long as SendGrid may retry them (webhook/prune-events.ts).
  await db.schema
    .createIndex("sendgrid_events_received")
    .on("sendgrid_events")
    .column("received_at")
    .execute();
  await db.schema
    .createTable("sendgrid_messages")
    .addColumn("connection_id", "text", (col) => col.notNull())
    .addColumn("message_key", "text", (col) => col.notNull())
    .addColumn("batch_tag", "text", (col) => col.notNull())
    .addColumn("email", "text")
    .addColumn("status", "text", (col) => col.notNull())
    .addColumn("reason", "text")
    .addColumn("opened", "integer", (col) => col.notNull().defaultTo(0))
    .addColumn("clicked", "integer", (col) => col.notNull().defaultTo(0))
    .addColumn("updated_at", "text", (col) => col.notNull())
    .addPrimaryKeyConstraint("sendgrid_messages_pk", ["connection_id", "message_key"])
    .execute();
  await db.schema
    .createIndex("sendgrid_messages_batch")
    .on("sendgrid_messages")
    .columns(["connection_id", "batch_tag", "status"])
    .execute();
  await db.schema
    .createTable("sendgrid_tallies")
    .addColumn("connection_id", "text", (col) => col.notNull())
    .addColumn("batch_tag", "text", (col) => col.notNull())
    .addColumn("events", "integer", (col) => col.notNull())
    .addColumn("processed", "integer", (col) => col.notNull())
    .addColumn("deferred", "integer", (col) => col.notNull())
    .addColumn("delivered", "integer", (col) => col.notNull())
    .addColumn("bounced", "integer", (col) => col.notNull())
    .addColumn("blocked", "integer", (col) => col.notNull())
    .addColumn("dropped", "integer", (col) => col.notNull())
    .addColumn("opened", "integer", (col) => col.notNull())
    .addColumn("clicked", "integer", (col) => col.notNull())
    .addColumn("first_event_at", "text")
    .addColumn("last_event", "text", (col) => col.notNull())
    .addColumn("last_received_at", "text", (col) => col.notNull())
    .addPrimaryKeyConstraint("sendgrid_tallies_pk", ["connection_id", "batch_tag"])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable("sendgrid_tallies").execute();
  await db.schema.dropTable("sendgrid_messages").execute();
  await db.schema.dropTable("sendgrid_events").execute();
  await db.schema.alterTable("connections").dropColumn("webhook_batch_arg").execute();
  await db.schema.alterTable("connections").dropColumn("webhook_public_key").execute();
}
