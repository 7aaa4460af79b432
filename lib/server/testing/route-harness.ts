import type { Kysely } from "kysely";
import type * as envModule from "@/lib/server/env";
import type * as databaseModule from "@/lib/server/db/database";
import type { Database } from "@/lib/server/db/schema";
import type { SessionUser } from "@/lib/server/people/sessions";

// Calls a route handler the way Next does: a Request and a params promise.
type Handler<P> = (request: Request, context: { params: Promise<P> }) => Promise<Response>;

export async function callRoute<P>(handler: Handler<P>, params: P, init: { method?: string; body?: unknown; headers?: Record<string, string>; path?: string } = {}) {
  const request = new Request(`http://127.0.0.1:3000${init.path ?? "/api/test"}`, {
    method: init.method ?? "GET",
    headers: { ...(init.body === undefined ? {} : { "content-type": "application/json" }), ...init.headers },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
  const response = await handler(request, { params: Promise.resolve(params) });
  const text = await response.text();
  return { status: response.status, text, json: text ? (JSON.parse(text) as unknown) : undefined };
}

export function sessionUserOf(row: { id: string; team_id: string; email: string; name: string }, role: SessionUser["role"]): SessionUser {
  return { id: row.id, teamId: row.team_id, role, email: row.email, name: row.name };
}

export async function addTeamUser(db: Kysely<Database>, teamId: string, email: string, role: SessionUser["role"]) {
  const row = { id: crypto.randomUUID(), team_id: teamId, email, name: email, role, password_hash: "x", invite_token_hash: null, invite_expires_at: null, created_at: new Date().toISOString() };
  await db.insertInto("users").values(row).execute();
  return sessionUserOf(row, role);
}

/**
 * Makes `teamId` the team the environment's connections (`*_API_KEY`) serve: the ADMIN_EMAIL
 * admin's team (connections/env-team.ts). Returns that admin.
 */
export function serveEnvConnectionsTo(db: Kysely<Database>, teamId: string) {
  return addTeamUser(db, teamId, TEST_ENV_SOURCE.ADMIN_EMAIL, "admin");
}

/** Who is signed in, which database the mocked modules hand out, and what the env adds to TEST_ENV_SOURCE; tests set them. */
export const routeState = {
  user: null as SessionUser | null,
  db: null as Kysely<Database> | null,
  env: {} as Record<string, string>,
};

export const TEST_ENV_SOURCE = {
  AUTH_SECRET: "s".repeat(32),
  ADMIN_EMAIL: "admin@example.com",
  ADMIN_PASSWORD: "password12",
  ENCRYPTION_KEY: "cd".repeat(32),
  APP_URL: "http://127.0.0.1:3000",
  MIGMA_API_KEY: "env_migma_secret_key",
};

// Module factories for vi.mock: `vi.mock("@/lib/server/session", () => mockedSessionModule())`.
export async function mockedSessionModule() {
  const { AppError } = await import("@/lib/errors");
  return {
    requireApiSession: async () => {
      if (!routeState.user) throw new AppError("unauthorized", "Sign in.");
      return routeState.user;
    },
  };
}

export function mockedDatabaseModule(actual: typeof databaseModule) {
  return { ...actual, getDb: async () => routeState.db };
}

export function mockedEnvModule(actual: typeof envModule) {
  let parsed: { overrides: Record<string, string>; env: envModule.Env } | null = null;
  const getEnv = () => {
    if (parsed?.overrides !== routeState.env) parsed = { overrides: routeState.env, env: actual.parseEnv({ ...TEST_ENV_SOURCE, ...routeState.env }) };
    return parsed.env;
  };
  return { ...actual, getEnv };
}
