import type { Kysely } from "kysely";

// A board following a connection. next_run_at is also the lease: an instance runs a rule only by
// moving it forward from the value it read, so one instance lists per interval. An addition is
// unique per (rule, batch): the instance whose insert lands puts the batch on the board, once.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("auto_watch_rules")
    .addColumn("id", "text", (col) => col.primaryKey())
    .addColumn("team_id", "text", (col) => col.notNull())
    .addColumn("board_id", "text", (col) => col.notNull())
    .addColumn("connection_id", "text", (col) => col.notNull())
    .addColumn("provider", "text", (col) => col.notNull())
    .addColumn("name_contains", "text")
    .addColumn("template", "text")
    .addColumn("agent_id", "text")
    .addColumn("remove_after_minutes", "integer")
    .addColumn("created_by", "text", (col) => col.notNull())
    .addColumn("created_at", "text", (col) => col.notNull())
    .addColumn("updated_at", "text", (col) => col.notNull())
    .addColumn("next_run_at", "text", (col) => col.notNull())
    .addUniqueConstraint("auto_watch_rules_board_connection", ["board_id", "connection_id"])
    .execute();
  await db.schema.createIndex("auto_watch_rules_next_run").on("auto_watch_rules").column("next_run_at").execute();
  await db.schema
    .createTable("auto_watch_additions")
    .addColumn("rule_id", "text", (col) => col.notNull())
    .addColumn("batch_id", "text", (col) => col.notNull())
    .addColumn("board_batch_id", "text")
    .addColumn("added_at", "text", (col) => col.notNull())
    .addColumn("removed_at", "text")
    .addPrimaryKeyConstraint("auto_watch_additions_pk", ["rule_id", "batch_id"])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable("auto_watch_additions").execute();
  await db.schema.dropTable("auto_watch_rules").execute();
}
