import "server-only";
import type { Kysely } from "kysely";
import type { Database } from "../db/schema";
import { errorName, getLogger } from "../logger";
import { processSingleton } from "../process-singleton";

/**
 * An (execution, status) row only has to outlive Bolna's retries of it (minutes to hours), so a
 * week is ample; older rows go, and the connection page's count is of this window.
 */
export const HOOK_EVENT_RETENTION_DAYS = 7;
const PRUNE_EVERY_MS = 60 * 60_000;

/** Several instances may run it at once: the second deletes nothing. */
export async function pruneHookEvents(db: Kysely<Database>, now: Date): Promise<number> {
  const limit = new Date(now.getTime() - HOOK_EVENT_RETENTION_DAYS * 86_400_000).toISOString();
  const result = await db.deleteFrom("bolna_hook_events").where("received_at", "<", limit).executeTakeFirst();
  return Number(result.numDeletedRows);
}

/**
 * Run from the receiving path, at most hourly per process: rows only accumulate while events
 * arrive, so no timer is needed. Never throws and is not awaited by the event.
 */
export function pruneHookEventsIfDue(db: Kysely<Database>, now: Date): void {
  const schedule = processSingleton("bolna-hooks:prune", () => ({ lastRunAt: 0 }));
  if (now.getTime() - schedule.lastRunAt < PRUNE_EVERY_MS) return;
  // Claimed before the first await, so concurrent events skip rather than prune twice.
  schedule.lastRunAt = now.getTime();
  pruneHookEvents(db, now).catch((error: unknown) => getLogger().warn({ errorName: errorName(error) }, "bolna hook: pruning old events failed"));
}
