import "server-only";
import type { ProviderAccess } from "@/lib/providers/types";
import { upstreamMetrics } from "@/lib/server/metrics";
import type { ResolvedConnection } from "./resolved-connection";

/** What an adapter call needs from a connection; its calls and failures are counted in the metrics. */
export function providerAccessFor(connection: Pick<ResolvedConnection, "baseUrl" | "readApiKey">, timeoutMs: number): ProviderAccess {
  return { baseUrl: connection.baseUrl, readApiKey: connection.readApiKey, timeoutMs, observer: upstreamMetrics };
}
