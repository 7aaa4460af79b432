import type { Kysely } from "kysely";

// The one origin allowed to frame a share link's page (CSP frame-ancestors); null: none.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable("share_links").addColumn("frame_origin", "text").execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable("share_links").dropColumn("frame_origin").execute();
}
