import "server-only";
import { randomUUID } from "node:crypto";
import type { Kysely, Selectable } from "kysely";
import type { AlertBatch } from "@/lib/alerts";
import type { AlertIncidentsTable, Database } from "../db/schema";

export type IncidentRow = Selectable<AlertIncidentsTable>;

/** What this instance must send after applying a rule's condition: nothing, a firing, or a resolve. */
export type IncidentChange = { kind: "fired" | "resolved"; incident: IncidentRow } | null;

type RuleRef = { id: string; team_id: string; kind: string };

/**
 * Brings the rule's incident on this batch in line with its condition. Every instance that
 * evaluates the same results asks the same thing; the database answers once: the insert of the
 * next incident (unique per rule, batch and sequence) lands for one instance only, and only one
 * update finds the open incident still open. A finished batch has one incident, never resolved.
 */
export async function applyCondition(db: Kysely<Database>, rule: RuleRef, pollKey: string, active: boolean, batch: AlertBatch, now: Date): Promise<IncidentChange> {
  const latest = await db.selectFrom("alert_incidents").selectAll().where("rule_id", "=", rule.id).where("poll_key", "=", pollKey).orderBy("seq", "desc").limit(1).executeTakeFirst();
  const open = latest !== undefined && latest.resolved_at === null;
  if (active && !open) {
    if (rule.kind === "finished" && latest) return null;
    return openIncident(db, rule, pollKey, (latest?.seq ?? 0) + 1, batch, now);
  }
  if (!active && open && rule.kind !== "finished") {
    const resolved = await db
      .updateTable("alert_incidents")
      .set({ resolved_at: now.toISOString() })
      .where("id", "=", latest.id)
      .where("resolved_at", "is", null)
      .returningAll()
      .executeTakeFirst();
    return resolved ? { kind: "resolved", incident: resolved } : null;
  }
  return null;
}

async function openIncident(db: Kysely<Database>, rule: RuleRef, pollKey: string, seq: number, batch: AlertBatch, now: Date): Promise<IncidentChange> {
  const row: IncidentRow = { id: randomUUID(), team_id: rule.team_id, rule_id: rule.id, poll_key: pollKey, seq, fired_at: now.toISOString(), resolved_at: null, batch: JSON.stringify(batch) };
  const inserted = await db
    .insertInto("alert_incidents")
    .values(row)
    .onConflict((conflict) => conflict.columns(["rule_id", "poll_key", "seq"]).doNothing())
    .returning("id")
    .executeTakeFirst();
  return inserted ? { kind: "fired", incident: row } : null;
}
