import { afterAll, beforeAll } from "vitest";
import { providerEnvNames } from "@/lib/providers/env-names";
import type { ProviderId } from "@/lib/providers/provider-id";
import { getPoller } from "@/lib/server/batches";
import { SIM_KEYS } from "@/sim/scenarios";
import { startSimulator, type Simulator } from "@/sim/server";

/** One simulator for the test file (and the poller stopped after it); call at the top level. */
export function simulatorForFile(): () => Simulator {
  let simulator: Simulator | null = null;
  beforeAll(async () => {
    simulator = await startSimulator({ port: 0 });
  });
  afterAll(async () => {
    getPoller().stop();
    await simulator?.close();
  });
  return () => simulator!;
}

/** The environment's accounts of these providers, pointed at the simulator (routeState.env). */
export function simulatorAccounts(url: string, providers: readonly ProviderId[]): Record<string, string> {
  return Object.fromEntries(
    providers.flatMap((provider) => {
      const names = providerEnvNames(provider);
      return [
        [names.baseUrl, url],
        [names.apiKey, SIM_KEYS[provider]],
      ];
    }),
  );
}
