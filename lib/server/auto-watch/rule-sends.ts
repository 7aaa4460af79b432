import "server-only";
import type { Kysely } from "kysely";
import { isTerminalState } from "@/lib/batch-snapshot";
import { profileOf } from "@/lib/providers/profiles";
import type { SendSummary } from "@/lib/send-summary";
import type { ResolvedConnection } from "../connections";
import type { Database } from "../db/schema";
import { fetchAgentBatches, fetchBatchPage, listHeldAndSeenSends, listPerAgentSends } from "../sends";
import type { AutoWatchRuleRow } from "./rules";

/** The newest sends of the rule's connection, listed the way the picker lists them (on-demand lane, short cache). */
export async function listRuleSends(db: Kysely<Database>, rule: AutoWatchRuleRow, connection: ResolvedConnection): Promise<SendSummary[]> {
  switch (profileOf(connection.provider).capabilities.list) {
    case "account":
      return (await fetchBatchPage(connection, {})).items;
    case "per-agent":
      return rule.agent_id ? (await fetchAgentBatches(connection, rule.agent_id, undefined)).items : (await listPerAgentSends(connection, undefined)).items;
    case "paused-and-cancelled":
      return (await listHeldAndSeenSends(db, rule.team_id, connection, undefined)).items;
    case "none":
      return [];
  }
}

/**
 * A send the rule puts on its board: it matches the filters, and it is new, made since the rule
 * was, or still under way (a finished send from before the rule is history, not news).
 */
export function ruleWants(rule: AutoWatchRuleRow, send: SendSummary): boolean {
  const name = send.name?.toLowerCase() ?? "";
  if (rule.name_contains && !name.includes(rule.name_contains.toLowerCase())) return false;
  if (rule.template && name !== rule.template.toLowerCase()) return false;
  const createdAt = Date.parse(send.createdAt ?? "");
  const isNew = Number.isFinite(createdAt) && createdAt >= Date.parse(rule.created_at);
  return isNew || (!isTerminalState(send.state) && send.state !== "unknown");
}
