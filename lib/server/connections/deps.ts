import "server-only";
import type { Kysely } from "kysely";
import { getEnv } from "@/lib/server/env";
import type { Env } from "@/lib/server/env";
import { getDb } from "@/lib/server/db/database";
import type { Database } from "@/lib/server/db/schema";
import { parseMasterKey } from "@/lib/server/security/key-encryption";

/** What the connection functions read; passed in so tests can use a temp database and env. */
export type ConnectionDeps = { db: Kysely<Database>; env: Env; masterKey: Buffer };

export async function loadConnectionDeps(): Promise<ConnectionDeps> {
  const env = getEnv();
  return { db: await getDb(), env, masterKey: parseMasterKey(env.ENCRYPTION_KEY) };
}
