import type { Kysely } from "kysely";
import type { Database } from "@/lib/server/db/schema";

/** Every event stored, oldest first, as the tests compare them. */
export async function storedEvents(db: Kysely<Database>) {
  const rows = await db
    .selectFrom("audit_events")
    .selectAll()
    .orderBy("at")
    .orderBy("id")
    .execute();
  return rows.map((row) => ({
    ...row,
    details: JSON.parse(row.details) as Record<string, unknown>,
  }));
}
