import "server-only";
import { AppError } from "@/lib/errors";
import { isProviderId, PROVIDER_INFO } from "@/lib/providers/provider-id";
import type { ProviderId } from "@/lib/providers/provider-id";
import { decryptSecret } from "@/lib/server/security/key-encryption";
import { baseUrlFor } from "./base-urls";
import { loadConnectionDeps } from "./deps";
import type { ConnectionDeps } from "./deps";
import { envConnectionId, isEnvConnectionId, resolveEnvConnection } from "./env-connections";
import { mayUseEnvConnections } from "./env-team";
import { findConnectionRow, findFirstConnectionRow, regionOf } from "./repository";
import { resolvedConnectionCache } from "./resolved-cache";
import type { ConnectionRow } from "./repository";
import type { ResolvedConnection } from "./resolved-connection";

/**
 * The connection a batch call goes through. Without an id: the team's first connection of the
 * provider, else the environment's (for the first team only, see env-team.ts). An id of another
 * team or another provider is not_found, so ids cannot be probed across teams.
 */
export async function resolveConnection(teamId: string, provider: ProviderId, connectionId?: string | null): Promise<ResolvedConnection> {
  const key = `${teamId}\n${provider}\n${connectionId ?? ""}`;
  const cache = resolvedConnectionCache();
  const cached = cache.get(key);
  if (cached) return cached;
  // Only answers are kept: a not_found or a database error is asked again next time.
  const resolved = await resolveConnectionWith(await loadConnectionDeps(), teamId, provider, connectionId);
  cache.set(key, resolved);
  return resolved;
}

export async function resolveConnectionWith(
  deps: ConnectionDeps,
  teamId: string,
  provider: ProviderId,
  connectionId?: string | null,
): Promise<ResolvedConnection> {
  if (connectionId === undefined || connectionId === null) {
    const first = await findFirstConnectionRow(deps.db, teamId, provider);
    const found = first ? fromRow(deps, first) : await envConnectionFor(deps, teamId, provider);
    if (found) return found;
    throw notConfigured(provider);
  }
  // Another team's batches stored on the environment's account show it as never connected.
  if (connectionId === envConnectionId(provider) && !(await mayUseEnvConnections(deps, teamId))) throw notConfigured(provider);
  const found = await findResolvedConnection(deps, teamId, connectionId);
  if (!found || found.provider !== provider) throw new AppError("not_found", "This connection does not exist.");
  return found;
}

/** A connection named by its id alone (the recent-sends list): not_found when the team cannot use it. */
export async function resolveConnectionById(teamId: string, connectionId: string): Promise<ResolvedConnection> {
  const found = await findResolvedConnection(await loadConnectionDeps(), teamId, connectionId);
  if (!found) throw new AppError("not_found", "This connection does not exist.");
  return found;
}

/** A team's connection or an environment one, by id; undefined when the team cannot use it. */
export async function findResolvedConnection(deps: ConnectionDeps, teamId: string, id: string): Promise<ResolvedConnection | undefined> {
  if (isEnvConnectionId(id)) {
    const provider = id.slice("env-".length);
    return isProviderId(provider) ? envConnectionFor(deps, teamId, provider) : undefined;
  }
  const row = await findConnectionRow(deps.db, teamId, id);
  return row && fromRow(deps, row);
}

function notConfigured(provider: ProviderId): AppError {
  return new AppError("not_configured", `${PROVIDER_INFO[provider].name} is not connected: an admin can add a connection in Settings → Connections.`);
}

async function envConnectionFor(deps: ConnectionDeps, teamId: string, provider: ProviderId): Promise<ResolvedConnection | undefined> {
  return (await mayUseEnvConnections(deps, teamId)) ? resolveEnvConnection(deps.env, provider) : undefined;
}

export function fromRow({ env, masterKey }: ConnectionDeps, row: ConnectionRow): ResolvedConnection | undefined {
  const provider = row.provider;
  if (!isProviderId(provider)) return undefined;
  const { id, encrypted_key: encryptedKey } = row;
  return {
    id,
    provider,
    name: row.name,
    baseUrl: baseUrlFor(env, provider, regionOf(row)),
    budgetPerMinute: row.budget_per_minute,
    readApiKey: () => {
      try {
        return decryptSecret(encryptedKey, masterKey, id);
      } catch {
        throw new AppError("not_configured", `The saved key of "${row.name}" cannot be read (was ENCRYPTION_KEY changed?). An admin can replace it in Settings → Connections.`);
      }
    },
  };
}
