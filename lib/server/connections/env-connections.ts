import "server-only";
import { PROVIDER_REGIONS, type Connection, type Region } from "@/lib/connection";
import { PROVIDER_IDS, PROVIDER_INFO } from "@/lib/providers/provider-id";
import type { ProviderId } from "@/lib/providers/provider-id";
import type { Env } from "@/lib/server/env";
import { getProviderSettings } from "@/lib/server/env";
import { lastFour } from "@/lib/server/security/key-encryption";
import { baseUrlFor } from "./base-urls";
import type { ResolvedConnection } from "./resolved-connection";

const ENV_PREFIX = "env-";

/** Keys set in the environment act as one read-only connection per provider. */
export function envConnectionId(provider: ProviderId): string {
  return `${ENV_PREFIX}${provider}`;
}

export function isEnvConnectionId(id: string): boolean {
  return id.startsWith(ENV_PREFIX);
}

/** Shown to every team: the operator configured them for the whole installation. */
export function listEnvConnections(env: Env): Connection[] {
  return PROVIDER_IDS.flatMap((provider) => {
    const { apiKey: key, budgetPerMinute } = getProviderSettings(env, provider);
    if (!key) return [];
    return [
      {
        id: envConnectionId(provider),
        provider,
        name: envConnectionName(provider),
        region: envConnectionRegion(provider),
        keyLastFour: lastFour(key),
        budgetPerMinute: budgetPerMinute ?? null,
        readOnly: true,
        createdAt: null,
      } satisfies Connection,
    ];
  });
}

export function resolveEnvConnection(env: Env, provider: ProviderId): ResolvedConnection | undefined {
  const { apiKey, budgetPerMinute } = getProviderSettings(env, provider);
  if (!apiKey) return undefined;
  return {
    id: envConnectionId(provider),
    provider,
    name: envConnectionName(provider),
    baseUrl: baseUrlFor(env, provider, envConnectionRegion(provider)),
    budgetPerMinute: budgetPerMinute ?? null,
    // Read at call time, so a key is never copied into a long-lived object.
    readApiKey: () => getProviderSettings(env, provider).apiKey ?? "",
  };
}

function envConnectionName(provider: ProviderId): string {
  return `${PROVIDER_INFO[provider].name} (environment)`;
}

// The provider's default region: the operator's *_API_URL names one account, in one place.
function envConnectionRegion(provider: ProviderId): Region | null {
  return PROVIDER_REGIONS[provider][0] ?? null;
}
