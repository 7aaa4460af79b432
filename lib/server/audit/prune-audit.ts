import "server-only";
import type { Kysely } from "kysely";
import { getEnv } from "@/lib/server/env";
import { getDb } from "@/lib/server/db/database";
import type { Database } from "@/lib/server/db/schema";
import { errorName, getLogger } from "@/lib/server/logger";
import { processSingleton } from "@/lib/server/process-singleton";

export const AUDIT_PRUNE_EVERY_MS = 60 * 60_000;
/** The timer only asks; pruneAuditIfDue decides, so a late tick never skips a whole hour. */
const TICK_MS = 10 * 60_000;
const FIRST_TICK_MS = 30_000;

/** Deletes every team's events older than the retention. Several instances may run it at once: the second deletes nothing. */
export async function pruneAuditEvents(
  db: Kysely<Database>,
  now: Date,
  retentionDays: number,
): Promise<number> {
  const limit = new Date(now.getTime() - retentionDays * 86_400_000).toISOString();
  const result = await db.deleteFrom("audit_events").where("at", "<", limit).executeTakeFirst();
  return Number(result.numDeletedRows);
}

export type AuditPruneSchedule = { lastRunAt: number | null };

function sharedSchedule(): AuditPruneSchedule {
  return processSingleton<AuditPruneSchedule>("audit:prune-schedule", () => ({ lastRunAt: null }));
}

/** As history's pruning: at most once per AUDIT_PRUNE_EVERY_MS per process; never throws. Null when not due or failed. */
export async function pruneAuditIfDue(
  db: Kysely<Database>,
  now: Date,
  retentionDays: number,
  schedule: AuditPruneSchedule = sharedSchedule(),
): Promise<number | null> {
  if (schedule.lastRunAt !== null && now.getTime() - schedule.lastRunAt < AUDIT_PRUNE_EVERY_MS)
    return null;
  // Claimed before the first await, so concurrent callers skip rather than prune twice.
  schedule.lastRunAt = now.getTime();
  try {
    return await pruneAuditEvents(db, now, retentionDays);
  } catch (error) {
    getLogger().warn({ errorName: errorName(error) }, "audit: pruning failed");
    return null;
  }
}

/**
 * Once per process, at start-up: prunes soon after, then hourly. The timers never keep the process
 * alive. Nothing else triggers it: a quiet team's log must still shrink past its retention.
 */
export function startAuditPruning(): void {
  processSingleton("audit:prune-timer", () => {
    const tick = () => {
      getDb()
        .then((db) => pruneAuditIfDue(db, new Date(), getEnv().AUDIT_RETENTION_DAYS))
        .catch((error: unknown) =>
          getLogger().warn(
            { errorName: errorName(error) },
            "audit: pruning skipped, database unavailable",
          ),
        );
    };
    setTimeout(tick, FIRST_TICK_MS).unref();
    return setInterval(tick, TICK_MS).unref();
  });
}
