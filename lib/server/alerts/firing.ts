import "server-only";
import type { Kysely } from "kysely";
import { LRUCache } from "lru-cache";
import type { FiringAlert } from "@/lib/alerts";
import { getDb } from "../db/database";
import type { Database } from "../db/schema";
import { errorName, getLogger } from "../logger";
import { processSingleton } from "../process-singleton";
import { isRuleKind } from "./rule-kind";

/** Kinds that mean something broke (red); the others are news to act on (calm). */
const FAILURE_KINDS = new Set(["failure_share"]);

/**
 * Open incidents per batch (poll key), for the chips on boards and walls. Already authorised:
 * the caller shows these batches to this viewer.
 */
export async function readFiringAlerts(db: Kysely<Database>, teamId: string, pollKeys: string[]): Promise<Map<string, FiringAlert[]>> {
  const firing = new Map<string, FiringAlert[]>();
  if (pollKeys.length === 0) return firing;
  const rows = await db
    .selectFrom("alert_incidents")
    .innerJoin("alert_rules", "alert_rules.id", "alert_incidents.rule_id")
    .select(["alert_incidents.poll_key", "alert_incidents.fired_at", "alert_rules.kind"])
    .where("alert_incidents.team_id", "=", teamId)
    .where("alert_incidents.poll_key", "in", pollKeys)
    .where("alert_incidents.resolved_at", "is", null)
    // A finished batch's incident never resolves; its chip would only repeat the state.
    .where("alert_rules.kind", "!=", "finished")
    .orderBy("alert_incidents.fired_at")
    .execute();
  for (const row of rows) {
    if (!isRuleKind(row.kind)) continue;
    const list = firing.get(row.poll_key) ?? [];
    list.push({ kind: row.kind, since: row.fired_at, failure: FAILURE_KINDS.has(row.kind) });
    firing.set(row.poll_key, list);
  }
  return firing;
}

/** Boards poll every second or so with many viewers: a reading of a board's alerts serves them all this long. */
export const FIRING_SHARED_FOR_MS = 2_000;

function readingsCache(): LRUCache<string, Promise<Map<string, FiringAlert[]>>> {
  return processSingleton("alerts:firing-readings", () => new LRUCache<string, Promise<Map<string, FiringAlert[]>>>({ max: 2_000, ttl: FIRING_SHARED_FOR_MS }));
}

/** The same, shared briefly between viewers of one board; an empty map (no chips) when the database cannot answer. */
export function readFiringAlertsShared(teamId: string, pollKeys: string[]): Promise<Map<string, FiringAlert[]>> {
  const key = `${teamId}\n${pollKeys.join("\n")}`;
  let reading = readingsCache().get(key);
  if (!reading) {
    reading = getDb()
      .then((db) => readFiringAlerts(db, teamId, pollKeys))
      .catch((error: unknown) => {
        getLogger().warn({ errorName: errorName(error) }, "alerts: firing alerts unavailable");
        return new Map<string, FiringAlert[]>();
      });
    readingsCache().set(key, reading);
  }
  return reading;
}
