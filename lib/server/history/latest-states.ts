import "server-only";
import type { Kysely } from "kysely";
import type { Database } from "@/lib/server/db/schema";

/** Keys per query: far below every engine's limit on bound parameters. */
const CHUNK = 500;

/**
 * The state of each batch in its newest stored snapshot: what Sendboard saw last, whoever was
 * watching. Batches never polled are missing from the map.
 */
export async function readLatestStates(
  db: Kysely<Database>,
  pollKeys: string[],
): Promise<Map<string, string>> {
  const states = new Map<string, string>();
  const unique = [...new Set(pollKeys)];
  for (let start = 0; start < unique.length; start += CHUNK) {
    const keys = unique.slice(start, start + CHUNK);
    const newest = db
      .selectFrom("batch_snapshots")
      .select("poll_key")
      .select((eb) => eb.fn.max("fetched_at").as("at"))
      .where("poll_key", "in", keys)
      .groupBy("poll_key");
    const rows = await db
      .selectFrom("batch_snapshots as s")
      .innerJoin(newest.as("n"), (join) =>
        join.onRef("n.poll_key", "=", "s.poll_key").onRef("n.at", "=", "s.fetched_at"),
      )
      .select(["s.poll_key", "s.state"])
      .execute();
    for (const row of rows) states.set(row.poll_key, row.state);
  }
  return states;
}
