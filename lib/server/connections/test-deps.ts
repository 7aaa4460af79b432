import { randomBytes } from "node:crypto";
import { parseEnv } from "@/lib/server/env";
import type { Env } from "@/lib/server/env";
import { openTempDatabase } from "@/lib/server/testing/temp-database";
import type { ConnectionDeps } from "./deps";

const BASE_ENV = {
  AUTH_SECRET: "s".repeat(32),
  ADMIN_EMAIL: "admin@example.com",
  ADMIN_PASSWORD: "password1",
  ENCRYPTION_KEY: "ab".repeat(32),
};

export function testEnv(overrides: Record<string, string> = {}): Env {
  return parseEnv({ ...BASE_ENV, ...overrides });
}

/** A migrated temp database, a random master key and the given env, for the connection tests. */
export async function openConnectionDeps(envOverrides: Record<string, string> = {}) {
  const { db, close } = await openTempDatabase();
  const deps: ConnectionDeps = { db, env: testEnv(envOverrides), masterKey: randomBytes(32) };
  return { deps, close };
}
