import "server-only";
import { AppError } from "@/lib/errors";
import { getAdapter } from "@/lib/providers/registry";
import type { ConnectionTestResult } from "@/lib/providers/types";
import { assertCanOrAudit, recordAudit } from "@/lib/server/audit";
import type { ServiceContext } from "@/lib/server/service-context";
import { connectionAuditEvent } from "./audit-target";
import { connectionDeps } from "./deps";
import { providerAccessFor } from "./provider-access";
import { findResolvedConnection } from "./resolve";

/**
 * One cheap authenticated call through the connection's adapter (admins only); the key is read
 * inside it. The activity log gets the answer once it arrives (`now`, for tests, fixes its time).
 */
export async function testConnectionById(
  ctx: ServiceContext,
  { id, signal }: { id: string; signal?: AbortSignal },
  now?: Date,
): Promise<ConnectionTestResult> {
  await assertCanOrAudit(ctx, "connections:manage", { action: "connection.test", target: { id, label: null } }, now);
  const { db, actor } = ctx;
  const deps = connectionDeps(db);
  const found = await findResolvedConnection(deps, actor.teamId, id);
  if (!found) throw new AppError("not_found", "This connection does not exist.");
  const access = providerAccessFor(found, deps.env.UPSTREAM_TIMEOUT_MS);
  const event = connectionAuditEvent(found);
  let result: ConnectionTestResult;
  try {
    result = await getAdapter(found.provider).testConnection({ access, signal });
  } catch (error) {
    const code = error instanceof AppError ? error.code : "internal";
    await recordAudit(ctx, { action: "connection.test", ...event, outcome: "failed", details: { ...event.details, code } }, now);
    throw error;
  }
  await recordAudit(ctx, { action: "connection.test", ...event, outcome: result.ok ? "ok" : "failed", details: { ...event.details, result: result.message } }, now);
  return result;
}
