import { parseEnv } from "@/lib/server/env";
import type { Env } from "@/lib/server/env";
import type { ServiceContext } from "@/lib/server/service-context";
import { addTeamUser, routeState } from "@/lib/server/testing/route-harness";
import { openTempDatabase } from "@/lib/server/testing/temp-database";
import { connectionDeps, type ConnectionDeps } from "./deps";

const BASE_ENV = {
  AUTH_SECRET: "s".repeat(32),
  ADMIN_EMAIL: "admin@example.com",
  ADMIN_PASSWORD: "password12",
  ENCRYPTION_KEY: "ab".repeat(32),
  APP_URL: "http://127.0.0.1:3000",
};

export function testEnv(overrides: Record<string, string> = {}): Env {
  return parseEnv({ ...BASE_ENV, ...overrides });
}

/** The first team, the ADMIN_EMAIL admin's: the only one the environment's keys serve. */
export const FIRST_TEAM = "team-a";

/**
 * A migrated temp database and the given env for the connection tests, which mock @/lib/server/env
 * with route-harness's mockedEnvModule; `as(teamId)` is an admin of that team. The ADMIN_EMAIL
 * admin is in FIRST_TEAM.
 */
export async function openConnectionDeps(envOverrides: Record<string, string> = {}) {
  routeState.env = envOverrides;
  const { db, close } = await openTempDatabase();
  await addTeamUser(db, FIRST_TEAM, BASE_ENV.ADMIN_EMAIL, "admin");
  const deps: ConnectionDeps = connectionDeps(db);
  const as = (teamId: string): ServiceContext => ({ db, actor: { id: `admin-of-${teamId}`, teamId, role: "admin", email: `admin@${teamId}.test` } });
  return { deps, as, close };
}
