import "server-only";
import type { Kysely } from "kysely";
import { LRUCache } from "lru-cache";
import type { Database } from "../db/schema";
import type { PollKey } from "../polling";
import { processSingleton } from "../process-singleton";
import type { AlertRuleRow } from "./row-types";

/** A new or removed rule applies within this long; between, a poll's evaluation costs no query for rules. */
export const RULES_CACHE_MS = 5_000;

function cache(): LRUCache<string, Promise<AlertRuleRow[]>> {
  return processSingleton("alerts:matching-rules", () => new LRUCache<string, Promise<AlertRuleRow[]>>({ max: 20_000, ttl: RULES_CACHE_MS }));
}

/** The rules on this batch itself, and on every board it is on. */
export function rulesForBatch(db: Kysely<Database>, key: PollKey, pollKey: string): Promise<AlertRuleRow[]> {
  let rules = cache().get(pollKey);
  if (!rules) {
    rules = queryRules(db, key);
    // A failed query is not remembered: the next poll asks again.
    rules.catch(() => cache().delete(pollKey));
    cache().set(pollKey, rules);
  }
  return rules;
}

async function queryRules(db: Kysely<Database>, key: PollKey): Promise<AlertRuleRow[]> {
  return db
    .selectFrom("alert_rules")
    .selectAll()
    .where((where) =>
      where.or([
        where.and([where("connection_id", "=", key.connectionId), where("provider", "=", key.provider), where("batch_id", "=", key.batchId)]),
        where(
          "board_id",
          "in",
          db.selectFrom("board_batches").select("board_id").where("connection_id", "=", key.connectionId).where("provider", "=", key.provider).where("batch_id", "=", key.batchId),
        ),
      ]),
    )
    .execute();
}

/** Tests and a rule change on this instance: the next poll reads the rules again. */
export function forgetMatchingRules(): void {
  cache().clear();
}
