import { PROVIDER_PROFILES } from "./profiles";
import type { ProviderId } from "./provider-id";

/**
 * The environment variables of a provider's operator-wide account, named by its profile's prefix.
 * Client-safe so scripts that start the app (demo, bench) spell them the way lib/server/env.ts reads them.
 */
export function providerEnvNames<Id extends ProviderId>(provider: Id) {
  const prefix: (typeof PROVIDER_PROFILES)[Id]["envPrefix"] = PROVIDER_PROFILES[provider].envPrefix;
  return {
    baseUrl: `${prefix}_API_URL`,
    apiKey: `${prefix}_API_KEY`,
    budgetPerMinute: `${prefix}_BUDGET_PER_MINUTE`,
  } as const;
}
