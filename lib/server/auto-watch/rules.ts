import "server-only";
import { randomUUID } from "node:crypto";
import type { Selectable } from "kysely";
import type { AutoWatchRule, CreateAutoWatchRuleInput, UpdateAutoWatchRuleInput } from "@/lib/auto-watch";
import { AppError } from "@/lib/errors";
import { profileOf } from "@/lib/providers/profiles";
import { isProviderId, PROVIDER_INFO } from "@/lib/providers/provider-id";
import { assertCanOrAudit, recordAudit } from "../audit";
import { findTeamBoard } from "../boards";
import { resolveConnectionById } from "../connections";
import type { AutoWatchRulesTable } from "../db/schema";
import { isUniqueViolation } from "../db/unique-violation";
import { assertCan } from "../security/permissions";
import type { ServiceContext } from "../service-context";

// What a board follows. Everyone who sees the board sees its rules; operators and admins change
// them (auto-watch:manage), and every change is in the activity log.

export type AutoWatchRuleRow = Selectable<AutoWatchRulesTable>;

export function toAutoWatchRule(row: AutoWatchRuleRow): AutoWatchRule | null {
  if (!isProviderId(row.provider)) return null;
  return {
    id: row.id,
    boardId: row.board_id,
    connectionId: row.connection_id,
    provider: row.provider,
    nameContains: row.name_contains,
    template: row.template,
    agentId: row.agent_id,
    removeAfterMinutes: row.remove_after_minutes,
    createdBy: row.created_by,
    createdAt: row.created_at,
  };
}

export async function listAutoWatchRules({ db, actor }: ServiceContext, { boardId }: { boardId: string }): Promise<AutoWatchRule[]> {
  assertCan(actor, "boards:read");
  const board = await findTeamBoard(db, actor.teamId, boardId);
  const rows = await db.selectFrom("auto_watch_rules").selectAll().where("board_id", "=", board.id).orderBy("created_at").execute();
  return rows.map(toAutoWatchRule).filter((rule): rule is AutoWatchRule => rule !== null);
}

export async function createAutoWatchRule(
  ctx: ServiceContext,
  { boardId, input }: { boardId: string; input: CreateAutoWatchRuleInput },
  now = new Date(),
): Promise<AutoWatchRule> {
  await assertCanOrAudit(ctx, "auto-watch:manage", { action: "auto_watch.create", target: { id: boardId, label: null } }, now);
  const board = await findTeamBoard(ctx.db, ctx.actor.teamId, boardId);
  const connection = await resolveConnectionById(ctx.actor.teamId, input.connectionId);
  if (profileOf(connection.provider).capabilities.list === "none") {
    throw new AppError("bad_request", `${PROVIDER_INFO[connection.provider].name} cannot list its sends, so a board cannot follow it.`);
  }
  const at = now.toISOString();
  const row: AutoWatchRuleRow = {
    id: randomUUID(),
    team_id: ctx.actor.teamId,
    board_id: board.id,
    connection_id: connection.id,
    provider: connection.provider,
    name_contains: input.nameContains || null,
    template: input.template || null,
    agent_id: input.agentId || null,
    remove_after_minutes: input.removeAfterMinutes ?? null,
    created_by: ctx.actor.email,
    created_at: at,
    updated_at: at,
    // Due at once: the board shows what is under way without waiting an interval.
    next_run_at: at,
  };
  try {
    await ctx.db.transaction().execute(async (trx) => {
      await trx.insertInto("auto_watch_rules").values(row).execute();
      await recordAudit({ ...ctx, db: trx }, { action: "auto_watch.create", target: { id: board.id, label: board.name }, details: detailsOf(row, connection.name) }, now);
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError("conflict", "This board follows this connection already: change its rule instead.");
    throw error;
  }
  return toAutoWatchRule(row)!;
}

export async function updateAutoWatchRule(
  ctx: ServiceContext,
  { boardId, ruleId, changes }: { boardId: string; ruleId: string; changes: UpdateAutoWatchRuleInput },
  now = new Date(),
): Promise<AutoWatchRule> {
  await assertCanOrAudit(ctx, "auto-watch:manage", { action: "auto_watch.update", target: { id: boardId, label: null } }, now);
  const board = await findTeamBoard(ctx.db, ctx.actor.teamId, boardId);
  const patch = {
    ...(changes.nameContains !== undefined ? { name_contains: changes.nameContains || null } : {}),
    ...(changes.template !== undefined ? { template: changes.template || null } : {}),
    ...(changes.agentId !== undefined ? { agent_id: changes.agentId || null } : {}),
    ...(changes.removeAfterMinutes !== undefined ? { remove_after_minutes: changes.removeAfterMinutes } : {}),
    updated_at: now.toISOString(),
  };
  const row = await ctx.db.transaction().execute(async (trx) => {
    const updated = await trx.updateTable("auto_watch_rules").set(patch).where("id", "=", ruleId).where("board_id", "=", board.id).returningAll().executeTakeFirst();
    if (!updated) throw new AppError("not_found", "This board does not follow that connection.");
    await recordAudit({ ...ctx, db: trx }, { action: "auto_watch.update", target: { id: board.id, label: board.name }, details: detailsOf(updated, null) }, now);
    return updated;
  });
  return toAutoWatchRule(row)!;
}

/** The rule goes; the sends it put on the board stay there. */
export async function removeAutoWatchRule(ctx: ServiceContext, { boardId, ruleId }: { boardId: string; ruleId: string }, now = new Date()): Promise<void> {
  await assertCanOrAudit(ctx, "auto-watch:manage", { action: "auto_watch.remove", target: { id: boardId, label: null } }, now);
  const board = await findTeamBoard(ctx.db, ctx.actor.teamId, boardId);
  await ctx.db.transaction().execute(async (trx) => {
    const removed = await trx.deleteFrom("auto_watch_rules").where("id", "=", ruleId).where("board_id", "=", board.id).returningAll().executeTakeFirst();
    if (!removed) throw new AppError("not_found", "This board does not follow that connection.");
    await trx.deleteFrom("auto_watch_additions").where("rule_id", "=", ruleId).execute();
    await recordAudit({ ...ctx, db: trx }, { action: "auto_watch.remove", target: { id: board.id, label: board.name }, details: detailsOf(removed, null) }, now);
  });
}

function detailsOf(row: AutoWatchRuleRow, connectionName: string | null) {
  return {
    provider: row.provider,
    connection: connectionName ?? row.connection_id,
    nameContains: row.name_contains,
    template: row.template,
    agentId: row.agent_id,
    removeAfterMinutes: row.remove_after_minutes,
  };
}
