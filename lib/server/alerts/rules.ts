import "server-only";
import { randomUUID } from "node:crypto";
import { RULE_KIND_NEEDS, type AlertRule, type CreateAlertRuleInput } from "@/lib/alerts";
import { AppError } from "@/lib/errors";
import { profileOf } from "@/lib/providers/profiles";
import { isProviderId, PROVIDER_INFO } from "@/lib/providers/provider-id";
import { assertCanOrAudit, recordAudit } from "../audit";
import { findTeamBoard } from "../boards";
import { resolveConnection } from "../connections";
import type { AlertRuleRow } from "./row-types";
import { assertCan } from "../security/permissions";
import type { ServiceContext } from "../service-context";
import { forgetMatchingRules } from "./matching-rules";
import { contactPointIdsOf } from "./rule-contact-points";
import { isRuleKind } from "./rule-kind";

export function toAlertRule(row: AlertRuleRow): AlertRule | null {
  if (!isRuleKind(row.kind)) return null;
  const batch =
    row.provider !== null && row.batch_id !== null && row.connection_id !== null && isProviderId(row.provider)
      ? { provider: row.provider, batchId: row.batch_id, connectionId: row.connection_id }
      : null;
  return {
    id: row.id,
    boardId: row.board_id,
    batch,
    kind: row.kind,
    threshold: row.threshold === null ? null : Number(row.threshold),
    minutes: row.minutes,
    contactPointIds: contactPointIdsOf(row),
    createdBy: row.created_by,
    createdAt: row.created_at,
  };
}

export async function listAlertRules({ db, actor }: ServiceContext): Promise<AlertRule[]> {
  assertCan(actor, "alerts:manage");
  const rows = await db.selectFrom("alert_rules").selectAll().where("team_id", "=", actor.teamId).orderBy("created_at").orderBy("id").execute();
  return rows.map(toAlertRule).filter((rule): rule is AlertRule => rule !== null);
}

export async function createAlertRule(ctx: ServiceContext, input: CreateAlertRuleInput, now = new Date()): Promise<{ id: string }> {
  await assertCanOrAudit(ctx, "alerts:manage", { action: "alert_rule.create", target: { id: null, label: input.kind } }, now);
  checkParameters(input);
  const scope = await scopeOf(ctx, input);
  const contactPointIds = [...new Set(input.contactPointIds)];
  const found = await ctx.db.selectFrom("alert_contact_points").select("id").where("team_id", "=", ctx.actor.teamId).where("id", "in", contactPointIds).execute();
  if (found.length !== contactPointIds.length) throw new AppError("bad_request", "One of those contact points does not exist.");
  const row: AlertRuleRow = {
    id: randomUUID(),
    team_id: ctx.actor.teamId,
    ...scope.columns,
    kind: input.kind,
    threshold: input.threshold ?? null,
    minutes: input.minutes ?? null,
    contact_point_ids: JSON.stringify(contactPointIds),
    created_by: ctx.actor.email,
    created_at: now.toISOString(),
  };
  await ctx.db.transaction().execute(async (trx) => {
    await trx.insertInto("alert_rules").values(row).execute();
    await recordAudit(
      { ...ctx, db: trx },
      { action: "alert_rule.create", target: { id: row.id, label: `${input.kind} on ${scope.label}` }, details: { kind: input.kind, threshold: row.threshold, minutes: row.minutes, contactPoints: contactPointIds.length } },
      now,
    );
  });
  forgetMatchingRules();
  return { id: row.id };
}

/** Its incidents go with it: a rule made again later starts with none open. */
export async function removeAlertRule(ctx: ServiceContext, { id }: { id: string }, now = new Date()): Promise<void> {
  await assertCanOrAudit(ctx, "alerts:manage", { action: "alert_rule.remove", target: { id, label: null } }, now);
  await ctx.db.transaction().execute(async (trx) => {
    const removed = await trx.deleteFrom("alert_rules").where("id", "=", id).where("team_id", "=", ctx.actor.teamId).returningAll().executeTakeFirst();
    if (!removed) throw new AppError("not_found", "There is no such alert rule.");
    await trx.deleteFrom("alert_incidents").where("rule_id", "=", id).execute();
    await recordAudit({ ...ctx, db: trx }, { action: "alert_rule.remove", target: { id, label: removed.kind }, details: { kind: removed.kind } }, now);
  });
  forgetMatchingRules();
}

function checkParameters(input: CreateAlertRuleInput) {
  const needs = RULE_KIND_NEEDS[input.kind];
  if (needs.threshold === null && input.threshold !== undefined) throw new AppError("bad_request", `A ${input.kind} rule takes no threshold.`);
  if (needs.threshold !== null && input.threshold === undefined) {
    throw new AppError("bad_request", needs.threshold === "percent" ? "Give the failure share, in percent, above which to alert." : "Give the items a minute below which sending counts as slow.");
  }
  if (needs.threshold === "percent" && input.threshold !== undefined && input.threshold >= 100) throw new AppError("bad_request", "The failure share must be below 100 %.");
  if (needs.minutes && input.minutes === undefined) throw new AppError("bad_request", `A ${input.kind} rule needs minutes.`);
  if (!needs.minutes && input.minutes !== undefined) throw new AppError("bad_request", `A ${input.kind} rule takes no minutes.`);
}

type Scope = { columns: Pick<AlertRuleRow, "board_id" | "connection_id" | "provider" | "batch_id">; label: string };

async function scopeOf(ctx: ServiceContext, input: CreateAlertRuleInput): Promise<Scope> {
  if ((input.boardId === undefined) === (input.batch === undefined)) throw new AppError("bad_request", "A rule watches either a board (boardId) or one batch (batch).");
  if (input.boardId !== undefined) {
    const board = await findTeamBoard(ctx.db, ctx.actor.teamId, input.boardId);
    return { columns: { board_id: board.id, connection_id: null, provider: null, batch_id: null }, label: `the board ${board.name}` };
  }
  const batch = input.batch!;
  if (input.kind === "pause_window" && !profileOf(batch.provider).sendTime) {
    throw new AppError("bad_request", `${PROVIDER_INFO[batch.provider].name} batches have no pause window: that rule is for SendGrid.`);
  }
  const connection = await resolveConnection(ctx.actor.teamId, batch.provider, batch.connectionId ?? null);
  return { columns: { board_id: null, connection_id: connection.id, provider: batch.provider, batch_id: batch.batchId }, label: `${PROVIDER_INFO[batch.provider].name} batch ${batch.batchId}` };
}

