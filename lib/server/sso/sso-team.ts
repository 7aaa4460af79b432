import "server-only";
import type { Kysely } from "kysely";
import type { Database } from "@/lib/server/db/schema";
import { findUserByEmail } from "@/lib/server/people";

/**
 * The team new SSO people join: OIDC_TEAM by id or name, else the ADMIN_EMAIL admin's team (the
 * one a fresh install has). A name that matches no team refuses the sign-in rather than making
 * a team nobody administers.
 */
export async function findSsoTeamId(db: Kysely<Database>, { team, adminEmail }: { team: string | null; adminEmail: string }): Promise<string | null> {
  if (team === null) return (await findUserByEmail(db, adminEmail))?.team_id ?? null;
  const row = await db
    .selectFrom("teams")
    .select("id")
    .where((eb) => eb.or([eb("id", "=", team), eb("name", "=", team)]))
    .orderBy("created_at")
    .executeTakeFirst();
  return row?.id ?? null;
}
