import "server-only";
import { randomUUID } from "node:crypto";
import type { AlertMessage, ContactPointTestResult } from "@/lib/alerts";
import { appOrigin } from "../app-url";
import { assertCanOrAudit, recordAudit } from "../audit";
import type { ServiceContext } from "../service-context";
import { findTeamContactPoint } from "./contact-points";
import { deliverMessage } from "./deliver";

/**
 * "Send test": one attempt, answered with its outcome (a person is waiting on the button, so no
 * retries), logged like any delivery and recorded in the activity log.
 */
export async function testContactPoint(ctx: ServiceContext, { id }: { id: string }, now = new Date()): Promise<ContactPointTestResult> {
  await assertCanOrAudit(ctx, "alerts:manage", { action: "contact_point.test", target: { id, label: null } }, now);
  const point = await findTeamContactPoint(ctx, id);
  const message: AlertMessage = {
    type: "test",
    alertId: randomUUID(),
    rule: { id: "test", kind: "finished" },
    batch: { provider: "test", batchId: "test", name: "Sendboard test message", state: "completed", processed: 0, total: 0, failed: 0, url: appOrigin() },
    at: now.toISOString(),
  };
  const result = await deliverMessage(ctx.db, point, message, { incidentId: null, maxAttempts: 1 });
  await recordAudit(
    ctx,
    { action: "contact_point.test", target: { id, label: point.name }, outcome: result.status === "delivered" ? "ok" : "failed", details: { type: point.type, httpStatus: result.httpStatus, error: result.error } },
    now,
  );
  return { status: result.status, attempts: result.attempts, httpStatus: result.httpStatus, error: result.error };
}
