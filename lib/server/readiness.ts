import "server-only";
import { sql } from "kysely";
import { getDb } from "./db/database";
import { getPoller } from "./batches";

export type Readiness = { ready: boolean; checks: { database: "ok" | "down"; scheduler: "ok" } };

/** A probe answers within its own timeout, even when the database host does not answer at all. */
const DATABASE_CHECK_MS = 2_500;

/** Only "ok"/"down" per part: a readiness probe is public and must not describe the setup. */
export async function checkReadiness(): Promise<Readiness> {
  const database = await checkDatabase();
  getPoller();
  return { ready: database === "ok", checks: { database, scheduler: "ok" } };
}

async function checkDatabase(): Promise<"ok" | "down"> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<"down">((resolve) => (timer = setTimeout(() => resolve("down"), DATABASE_CHECK_MS)));
  const check = (async () => {
    await sql`select 1`.execute(await getDb());
    return "ok" as const;
  })().catch(() => "down" as const);
  try {
    return await Promise.race([check, deadline]);
  } finally {
    clearTimeout(timer);
  }
}
