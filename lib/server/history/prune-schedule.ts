import "server-only";
import type { Kysely } from "kysely";
import type { Database } from "@/lib/server/db/schema";
import { errorName, getLogger } from "@/lib/server/logger";
import { processSingleton } from "@/lib/server/process-singleton";
import { pruneHistory, type PruneResult, type PruneSettings } from "./prune-history";

export const PRUNE_EVERY_MS = 60 * 60_000;

export type RetentionSettings = Omit<PruneSettings, "thinFrom">;

/** When pruning last ran in this process, and how far back it has thinned. */
export type PruneSchedule = { lastRunAt: number | null; thinnedUntil: string | null };

export function createPruneSchedule(): PruneSchedule {
  return { lastRunAt: null, thinnedUntil: null };
}

export function sharedPruneSchedule(): PruneSchedule {
  return processSingleton("history:prune-schedule", createPruneSchedule);
}

/** Prunes at most once per PRUNE_EVERY_MS; a cheap timestamp check on every other call. */
export async function pruneIfDue(
  db: Kysely<Database>,
  now: Date,
  settings: RetentionSettings,
  schedule: PruneSchedule = sharedPruneSchedule(),
): Promise<PruneResult | null> {
  if (schedule.lastRunAt !== null && now.getTime() - schedule.lastRunAt < PRUNE_EVERY_MS)
    return null;
  // Claimed before the first await, so concurrent callers skip rather than prune twice.
  schedule.lastRunAt = now.getTime();
  try {
    const result = await pruneHistory(db, now, {
      ...settings,
      thinFrom: schedule.thinnedUntil ?? undefined,
    });
    schedule.thinnedUntil = result.thinnedUntil;
    return result;
  } catch (error) {
    getLogger().warn({ errorName: errorName(error) }, "history: pruning failed");
    return null;
  }
}
