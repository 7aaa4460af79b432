import "server-only";
import type { Kysely } from "kysely";
import type { Database } from "@/lib/server/db/schema";

/**
 * Uses per token per fixed one-minute window, counted on the token's row so every instance
 * shares one count: one conditional UPDATE per use either opens a new window, counts the use, or
 * (at the limit) changes nothing. 120 a minute lets a script poll a batch every second with room
 * to act, and stops a runaway loop from spending the team's provider budget.
 */
export const TOKEN_RATE_LIMIT = { uses: 120, windowMs: 60_000 } as const;

/** Counts one use and stamps last_used_at; null when allowed, else the seconds until the window ends. */
export async function countTokenUse(db: Kysely<Database>, tokenId: string, now: Date): Promise<number | null> {
  const at = now.toISOString();
  const windowBegin = new Date(now.getTime() - TOKEN_RATE_LIMIT.windowMs).toISOString();
  const counted = await db
    .updateTable("api_tokens")
    .set((eb) => {
      // Every SET expression reads the row as it was, so both see the same window.
      const stale = eb.or([eb("rate_window_start", "is", null), eb("rate_window_start", "<=", windowBegin)]);
      return {
        rate_window_start: eb.case().when(stale).then(at).else(eb.ref("rate_window_start")).end(),
        rate_window_count: eb.case().when(stale).then(1).else(eb("rate_window_count", "+", 1)).end(),
        last_used_at: at,
      };
    })
    .where("id", "=", tokenId)
    .where((eb) =>
      eb.or([
        eb("rate_window_start", "is", null),
        eb("rate_window_start", "<=", windowBegin),
        eb("rate_window_count", "<", TOKEN_RATE_LIMIT.uses),
      ]),
    )
    .executeTakeFirst();
  if (counted.numUpdatedRows > BigInt(0)) return null;
  const row = await db.selectFrom("api_tokens").select("rate_window_start").where("id", "=", tokenId).executeTakeFirst();
  const started = row?.rate_window_start ? Date.parse(row.rate_window_start) : now.getTime();
  return Math.max(1, Math.ceil((started + TOKEN_RATE_LIMIT.windowMs - now.getTime()) / 1000));
}
