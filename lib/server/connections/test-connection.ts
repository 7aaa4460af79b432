import "server-only";
import { AppError } from "@/lib/errors";
import { getAdapter } from "@/lib/providers/registry";
import type { ConnectionTestResult } from "@/lib/providers/types";
import type { ConnectionDeps } from "./deps";
import { providerAccessFor } from "./provider-access";
import { findResolvedConnection } from "./resolve";

/** One cheap authenticated call through the connection's adapter; the key is read inside it. */
export async function testConnectionById(deps: ConnectionDeps, teamId: string, id: string, signal?: AbortSignal): Promise<ConnectionTestResult> {
  const found = await findResolvedConnection(deps, teamId, id);
  if (!found) throw new AppError("not_found", "This connection does not exist.");
  const access = providerAccessFor(found, deps.env.UPSTREAM_TIMEOUT_MS);
  return getAdapter(found.provider).testConnection({ access, signal });
}
