import type { Kysely } from "kysely";

// What the person who made a share link called it ("Lobby TV"), shown in the lists; null: unnamed.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable("share_links").addColumn("name", "text").execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable("share_links").dropColumn("name").execute();
}
