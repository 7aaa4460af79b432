import { sql, type Kysely } from "kysely";

// A label names a batch for the whole team: the watched list, every board, every wall and the
// batch page show the same one, so a rename anywhere reaches every screen. It used to be a column
// of each entry (watched_batches.label, board_batches.label); those move here, the watched list's
// label first, then the earliest board's, and the columns go.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("batch_labels")
    .addColumn("team_id", "text", (col) => col.notNull())
    .addColumn("connection_id", "text", (col) => col.notNull())
    .addColumn("provider", "text", (col) => col.notNull())
    .addColumn("batch_id", "text", (col) => col.notNull())
    .addColumn("label", "text", (col) => col.notNull())
    .addColumn("updated_at", "text", (col) => col.notNull())
    .addPrimaryKeyConstraint("batch_labels_pk", ["team_id", "connection_id", "provider", "batch_id"])
    .execute();
  // Each SELECT has a WHERE clause: SQLite needs one before ON CONFLICT in INSERT … SELECT.
  await sql`
    insert into batch_labels (team_id, connection_id, provider, batch_id, label, updated_at)
    select team_id, connection_id, provider, batch_id, trim(label), added_at from watched_batches
    where label is not null and trim(label) <> ''
    order by added_at
    on conflict do nothing`.execute(db);
  await sql`
    insert into batch_labels (team_id, connection_id, provider, batch_id, label, updated_at)
    select boards.team_id, board_batches.connection_id, board_batches.provider, board_batches.batch_id,
      trim(board_batches.label), board_batches.added_at
    from board_batches inner join boards on boards.id = board_batches.board_id
    where board_batches.label is not null and trim(board_batches.label) <> ''
    order by board_batches.added_at
    on conflict do nothing`.execute(db);
  await db.schema.alterTable("watched_batches").dropColumn("label").execute();
  await db.schema.alterTable("board_batches").dropColumn("label").execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable("watched_batches").addColumn("label", "text").execute();
  await db.schema.alterTable("board_batches").addColumn("label", "text").execute();
  await sql`
    update watched_batches set label = (
      select label from batch_labels where batch_labels.team_id = watched_batches.team_id
        and batch_labels.connection_id = watched_batches.connection_id
        and batch_labels.provider = watched_batches.provider
        and batch_labels.batch_id = watched_batches.batch_id)`.execute(db);
  await sql`
    update board_batches set label = (
      select label from batch_labels inner join boards on boards.team_id = batch_labels.team_id
      where boards.id = board_batches.board_id
        and batch_labels.connection_id = board_batches.connection_id
        and batch_labels.provider = board_batches.provider
        and batch_labels.batch_id = board_batches.batch_id)`.execute(db);
  await db.schema.dropTable("batch_labels").execute();
}
