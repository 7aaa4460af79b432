import "server-only";
import { randomUUID } from "node:crypto";
import type { AuditAction, AuditDetails, AuditOutcome, AuditTargetType } from "@/lib/audit-event";
import type { Actor } from "@/lib/server/security/permissions";
import type { ServiceContext } from "@/lib/server/service-context";
import { clipText, safeAuditDetails } from "./audit-details";

/** The changed thing; its type is the action's prefix (`user.invite` → user). */
export type AuditTarget = { id: string | null; label: string | null };

export type AuditEventInput = {
  action: AuditAction;
  target: AuditTarget;
  /** Default ok. */
  outcome?: AuditOutcome;
  /** Never a key, token, secret or recipient data (names that look like one are dropped anyway). */
  details?: AuditDetails;
};

/** Sendboard itself (an auto-watch rule adding a send, say): nobody's id, email or address. */
export type SystemActor = { kind: "system"; teamId: string };

export function systemActor(teamId: string): SystemActor {
  return { kind: "system", teamId };
}

/** `db` is the transaction of the change being recorded, when the change is a database write. */
export type AuditContext = Pick<ServiceContext, "db" | "address"> & { actor: Actor | SystemActor };

/**
 * Appends one event to the actor's team's log. A database change and its event are one
 * transaction: call this with the change's transaction as `ctx.db`, after the change, so neither
 * exists without the other. A provider call (a control action) is recorded after it answers,
 * with its outcome. There is no update or delete: only retention pruning removes events.
 */
export async function recordAudit(
  ctx: AuditContext,
  event: AuditEventInput,
  now = new Date(),
): Promise<void> {
  const { actor } = ctx;
  const person = actor.kind === "system" ? null : actor;
  await ctx.db
    .insertInto("audit_events")
    .values({
      id: randomUUID(),
      team_id: actor.teamId,
      at: now.toISOString(),
      actor_kind: person ? (person.kind ?? "user") : "system",
      actor_id: person?.id ?? null,
      actor_email: person?.email ?? null,
      action: event.action,
      target_type: targetTypeOf(event.action),
      target_id: event.target.id,
      target_label: event.target.label === null ? null : clipText(event.target.label),
      address: person ? (ctx.address ?? null) : null,
      outcome: event.outcome ?? "ok",
      details: JSON.stringify(safeAuditDetails(event.details)),
    })
    .execute();
}

function targetTypeOf(action: AuditAction): AuditTargetType {
  return action.slice(0, action.indexOf(".")) as AuditTargetType;
}
