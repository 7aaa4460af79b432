import type { Kysely } from "kysely";

// users.sso_subject: the identity provider's `iss` and `sub` of a person who signed in with single
// sign-on. Unique, so one identity is one person even when two instances see its first sign-in at
// once, and an email the provider hands to someone else later does not open the old account.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable("users").addColumn("sso_subject", "text").execute();
  await db.schema.createIndex("users_sso_subject").unique().on("users").column("sso_subject").execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex("users_sso_subject").execute();
  await db.schema.alterTable("users").dropColumn("sso_subject").execute();
}
