import "server-only";
import type { Kysely } from "kysely";
import { getEnv } from "@/lib/server/env";
import type { Env } from "@/lib/server/env";
import { getDb } from "@/lib/server/db/database";
import type { Database } from "@/lib/server/db/schema";
import { parseMasterKey } from "@/lib/server/security/key-encryption";

/** What the connection functions read besides the database: the environment's keys and URLs, and the master key. */
export type ConnectionDeps = { db: Kysely<Database>; env: Env; masterKey: Buffer };

export function connectionDeps(db: Kysely<Database>): ConnectionDeps {
  const env = getEnv();
  return { db, env, masterKey: parseMasterKey(env.ENCRYPTION_KEY) };
}

export async function loadConnectionDeps(): Promise<ConnectionDeps> {
  return connectionDeps(await getDb());
}
