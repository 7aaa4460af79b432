import "server-only";
import type { Kysely } from "kysely";
import type { Database } from "../../db/schema";
import { errorName, getLogger } from "../../logger";
import { processSingleton } from "../../process-singleton";

/**
 * An event row only has to outlive SendGrid's retries of its POST (24 h), and a body signed more
 * than 10 minutes ago is refused anyway: a week is ample. The counts live in the messages and
 * tallies, which stay.
 */
export const KEEP_EVENTS_MS = 7 * 24 * 60 * 60_000;
const EVERY_MS = 60 * 60_000;

/** At most once an hour per process, after a POST was answered; never rejects. */
export async function pruneEventsIfDue(
  db: Kysely<Database>,
  now: Date,
  schedule = processSingleton("hooks:sendgrid-prune", () => ({ lastRunAt: 0 })),
): Promise<number> {
  if (now.getTime() - schedule.lastRunAt < EVERY_MS) return 0;
  schedule.lastRunAt = now.getTime();
  try {
    const cutoff = new Date(now.getTime() - KEEP_EVENTS_MS).toISOString();
    const result = await db
      .deleteFrom("sendgrid_events")
      .where("received_at", "<", cutoff)
      .executeTakeFirst();
    return Number(result.numDeletedRows);
  } catch (error) {
    getLogger().warn(
      { errorName: errorName(error) },
      "sendgrid webhook: pruning old event rows failed",
    );
    return 0;
  }
}
