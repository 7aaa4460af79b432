import "server-only";
import type { Kysely } from "kysely";
import { AUTO_WATCH_LIST_MS } from "@/lib/auto-watch";
import { isTerminalState } from "@/lib/batch-snapshot";
import { MAX_BOARD_BATCHES } from "@/lib/board";
import type { SendSummary } from "@/lib/send-summary";
import { recordAudit, systemActor } from "../audit";
import { insertBoardBatch, listBoardBatchRows } from "../boards";
import { resolveConnectionById, type ResolvedConnection } from "../connections";
import type { Database } from "../db/schema";
import { readLatestSnapshots } from "../history";
import { errorName, getLogger } from "../logger";
import { pollKeyToString } from "../polling";
import { listRuleSends, ruleWants } from "./rule-sends";
import type { AutoWatchRuleRow } from "./rules";

const iso = (ms: number) => new Date(ms).toISOString();

/**
 * Runs every rule that is due, on whichever instances call this: a rule runs only on the instance
 * that moves its next_run_at on from the value it read (the lease), and each send is added by the
 * instance whose (rule, batch) insert lands. Never throws: a rule that fails is tried at its next run.
 */
export async function runDueAutoWatchRules(db: Kysely<Database>, now = new Date()): Promise<void> {
  const due = await db.selectFrom("auto_watch_rules").selectAll().where("next_run_at", "<=", now.toISOString()).execute();
  for (const rule of due) {
    const claimed = await db
      .updateTable("auto_watch_rules")
      .set({ next_run_at: iso(now.getTime() + AUTO_WATCH_LIST_MS) })
      .where("id", "=", rule.id)
      .where("next_run_at", "=", rule.next_run_at)
      .executeTakeFirst();
    if (claimed.numUpdatedRows === BigInt(0)) continue;
    try {
      await runRule(db, rule, now);
    } catch (error) {
      // provider_busy among them: the lane keeps the polls' share, the rule lists again next interval.
      getLogger().warn({ ruleId: rule.id, errorName: errorName(error), code: (error as { code?: unknown }).code }, "auto-watch: a rule could not list its sends");
    }
  }
}

async function runRule(db: Kysely<Database>, rule: AutoWatchRuleRow, now: Date) {
  const connection = await resolveConnectionById(rule.team_id, rule.connection_id);
  const sends = (await listRuleSends(db, rule, connection)).filter((send) => ruleWants(rule, send));
  // Oldest first, so the board reads in the order the sends began.
  for (const send of sends.reverse()) await addOnce(db, rule, connection, send, now);
  if (rule.remove_after_minutes !== null) await dropFinished(db, rule, connection, now);
}

async function addOnce(db: Kysely<Database>, rule: AutoWatchRuleRow, connection: ResolvedConnection, send: SendSummary, now: Date) {
  await db.transaction().execute(async (trx) => {
    const claimed = await trx
      .insertInto("auto_watch_additions")
      .values({ rule_id: rule.id, batch_id: send.batchId, board_batch_id: null, added_at: now.toISOString(), removed_at: null })
      .onConflict((conflict) => conflict.columns(["rule_id", "batch_id"]).doNothing())
      .executeTakeFirst();
    if (Number(claimed.numInsertedOrUpdatedRows ?? 0) === 0) return;
    const rows = await listBoardBatchRows(trx, rule.board_id);
    const already = rows.some((row) => row.connection_id === connection.id && row.provider === connection.provider && row.batch_id === send.batchId);
    if (already || rows.length >= MAX_BOARD_BATCHES) return;
    const position = rows.reduce((max, row) => Math.max(max, row.position + 1), 0);
    // The send time, when Sendboard knows one, is already stored for this connection and batch.
    const batch = { connectionId: connection.id, provider: connection.provider, batchId: send.batchId, label: null, sendAt: null };
    const added = await insertBoardBatch(trx, rule.team_id, { boardId: rule.board_id, batch, position, now });
    await trx.updateTable("auto_watch_additions").set({ board_batch_id: added.id }).where("rule_id", "=", rule.id).where("batch_id", "=", send.batchId).execute();
    await trx.updateTable("boards").set({ updated_at: now.toISOString() }).where("id", "=", rule.board_id).execute();
    await recordAudit({ db: trx, actor: systemActor(rule.team_id) }, { action: "auto_watch.add_send", target: { id: send.batchId, label: send.name ?? send.batchId }, details: { provider: send.provider, board: rule.board_id } }, now);
  });
}

/** A send the rule added that finished more than remove_after_minutes ago leaves the board, once. */
async function dropFinished(db: Kysely<Database>, rule: AutoWatchRuleRow, connection: ResolvedConnection, now: Date) {
  const additions = await db.selectFrom("auto_watch_additions").selectAll().where("rule_id", "=", rule.id).where("removed_at", "is", null).where("board_batch_id", "is not", null).execute();
  const keyOf = (batchId: string) => pollKeyToString({ connectionId: connection.id, provider: connection.provider, batchId });
  const snapshots = await readLatestSnapshots(db, additions.map((addition) => keyOf(addition.batch_id)));
  const keepMs = rule.remove_after_minutes! * 60_000;
  for (const addition of additions) {
    const snapshot = snapshots.get(keyOf(addition.batch_id));
    if (!snapshot || !isTerminalState(snapshot.state)) continue;
    const finishedAt = Date.parse(snapshot.completedAt ?? snapshot.fetchedAt);
    if (!(finishedAt + keepMs <= now.getTime())) continue;
    await db.transaction().execute(async (trx) => {
      const taken = await trx.updateTable("auto_watch_additions").set({ removed_at: now.toISOString() }).where("rule_id", "=", rule.id).where("batch_id", "=", addition.batch_id).where("removed_at", "is", null).executeTakeFirst();
      if (taken.numUpdatedRows === BigInt(0)) return;
      await trx.deleteFrom("board_batches").where("id", "=", addition.board_batch_id!).where("board_id", "=", rule.board_id).execute();
      await recordAudit({ db: trx, actor: systemActor(rule.team_id) }, { action: "auto_watch.drop_send", target: { id: addition.batch_id, label: snapshot.name ?? addition.batch_id }, details: { provider: connection.provider, board: rule.board_id } }, now);
    });
  }
}
