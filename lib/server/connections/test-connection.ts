import "server-only";
import { AppError } from "@/lib/errors";
import { getAdapter } from "@/lib/providers/registry";
import type { ConnectionTestResult } from "@/lib/providers/types";
import { assertCan } from "@/lib/server/security/permissions";
import type { ServiceContext } from "@/lib/server/service-context";
import { connectionDeps } from "./deps";
import { providerAccessFor } from "./provider-access";
import { findResolvedConnection } from "./resolve";

/** One cheap authenticated call through the connection's adapter (admins only); the key is read inside it. */
export async function testConnectionById(
  { db, actor }: ServiceContext,
  { id, signal }: { id: string; signal?: AbortSignal },
): Promise<ConnectionTestResult> {
  assertCan(actor, "connections:manage");
  const deps = connectionDeps(db);
  const found = await findResolvedConnection(deps, actor.teamId, id);
  if (!found) throw new AppError("not_found", "This connection does not exist.");
  const access = providerAccessFor(found, deps.env.UPSTREAM_TIMEOUT_MS);
  return getAdapter(found.provider).testConnection({ access, signal });
}
