import "server-only";
import type { Kysely } from "kysely";
import type { Database } from "../db/schema";
import { pollKeyToString, type PollKey } from "../polling";
import { processSingleton } from "../process-singleton";
import type { AlertRuleRow } from "./row-types";

/** A new or removed rule (or a batch added to a rule's board) applies within this long. */
export const RULES_CACHE_MS = 5_000;

type RuleIndex = Map<string, AlertRuleRow[]>;
type Held = { at: number; index: Promise<RuleIndex> } | null;

// One index of every rule by the batches it covers, read in two queries and shared by all the
// poll results of the next few seconds: evaluating a poll costs no query for rules, however many
// batches are polled.
const state = () => processSingleton("alerts:rule-index", () => ({ held: null as Held }));

/** The rules on this batch itself, and on every board it is on. */
export async function rulesForBatch(db: Kysely<Database>, key: PollKey, pollKey = pollKeyToString(key), now = Date.now()): Promise<AlertRuleRow[]> {
  const holder = state();
  if (!holder.held || now - holder.held.at >= RULES_CACHE_MS) {
    const index = readRuleIndex(db);
    holder.held = { at: now, index };
    // A failed read is not kept: the next poll asks again.
    index.catch(() => {
      if (holder.held?.index === index) holder.held = null;
    });
  }
  return (await holder.held.index).get(pollKey) ?? [];
}

async function readRuleIndex(db: Kysely<Database>): Promise<RuleIndex> {
  const [rules, boardBatches] = await Promise.all([
    db.selectFrom("alert_rules").selectAll().execute(),
    db
      .selectFrom("board_batches")
      .select(["board_id", "connection_id", "provider", "batch_id"])
      .where("board_id", "in", db.selectFrom("alert_rules").select("board_id").where("board_id", "is not", null))
      .execute(),
  ]);
  const keysByBoard = new Map<string, string[]>();
  for (const row of boardBatches) {
    const keys = keysByBoard.get(row.board_id) ?? [];
    keys.push(`${row.connection_id}:${row.provider}:${row.batch_id}`);
    keysByBoard.set(row.board_id, keys);
  }
  const index: RuleIndex = new Map();
  const add = (pollKey: string, rule: AlertRuleRow) => {
    const list = index.get(pollKey) ?? [];
    if (!list.includes(rule)) list.push(rule);
    index.set(pollKey, list);
  };
  for (const rule of rules) {
    if (rule.connection_id !== null && rule.provider !== null && rule.batch_id !== null) add(`${rule.connection_id}:${rule.provider}:${rule.batch_id}`, rule);
    if (rule.board_id !== null) for (const pollKey of keysByBoard.get(rule.board_id) ?? []) add(pollKey, rule);
  }
  return index;
}

/** A rule changed on this instance: the next poll reads the rules again. */
export function forgetMatchingRules(): void {
  state().held = null;
}
