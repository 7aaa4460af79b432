import "server-only";
import { errorName, getLogger } from "@/lib/server/logger";
import { assertCan, can, type Action } from "@/lib/server/security/permissions";
import type { ServiceContext } from "@/lib/server/service-context";
import { recordAudit, type AuditEventInput } from "./record-audit";

/**
 * assertCan for a change the log records: a caller without the permission gets the same 403, and
 * the attempt is recorded as refused. Nothing else is written, so the event is a write of its
 * own; when even that fails the refusal still stands.
 */
export async function assertCanOrAudit(
  ctx: ServiceContext,
  action: Action,
  attempt: Omit<AuditEventInput, "outcome">,
  now = new Date(),
): Promise<void> {
  if (can(ctx.actor, action)) return;
  await recordAudit(ctx, { ...attempt, outcome: "refused" }, now).catch((error: unknown) => {
    getLogger().warn(
      { errorName: errorName(error), action: attempt.action },
      "audit: could not record a refused attempt",
    );
  });
  assertCan(ctx.actor, action);
}
