import "server-only";
import type { Kysely } from "kysely";
import type { FiringAlert } from "@/lib/alerts";
import type { Database } from "../db/schema";
import { isRuleKind } from "./rule-kind";

/** Kinds that mean something broke (red); the others are news to act on (calm). */
const FAILURE_KINDS = new Set(["failure_share", "stale"]);

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
