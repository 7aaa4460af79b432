import "server-only";
import type { Kysely } from "kysely";
import type { Database } from "@/lib/server/db/schema";
import { processSingleton } from "@/lib/server/process-singleton";
import type { ConnectionDeps } from "./deps";

// The environment's keys (*_API_KEY) are the operator's, so they belong to the installation's first
// team, the ADMIN_EMAIL admin's. Every other team sees them as not configured and uses its own.
// That team never changes while the process runs (the admin can be neither removed nor moved), so
// it is looked up once per database handle.
const knownTeams = () => processSingleton("connections:env-team", () => new WeakMap<Kysely<Database>, string>());

export async function envTeamId(db: Kysely<Database>, adminEmail: string): Promise<string | null> {
  const known = knownTeams().get(db);
  if (known) return known;
  const row = await db.selectFrom("users").select("team_id").where("email", "=", adminEmail.trim().toLowerCase()).executeTakeFirst();
  if (row) knownTeams().set(db, row.team_id);
  return row?.team_id ?? null;
}

export async function mayUseEnvConnections({ db, env }: ConnectionDeps, teamId: string): Promise<boolean> {
  return (await envTeamId(db, env.ADMIN_EMAIL)) === teamId;
}
