import "server-only";
import { sql } from "kysely";
import { getDb } from "./db/database";
import { getPoller } from "./poller";

export type Readiness = { ready: boolean; checks: { database: "ok" | "down"; scheduler: "ok" } };

/** Only "ok"/"down" per part: a readiness probe is public and must not describe the setup. */
export async function checkReadiness(): Promise<Readiness> {
  let database: "ok" | "down" = "ok";
  try {
    await sql`select 1`.execute(await getDb());
  } catch {
    database = "down";
  }
  getPoller();
  return { ready: database === "ok", checks: { database, scheduler: "ok" } };
}
