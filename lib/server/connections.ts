import "server-only";
import type { ProviderId } from "@/lib/providers/provider-id";

/** Keys set in the environment act as one read-only connection per provider. */
export function envConnectionId(provider: ProviderId): string {
  return `env-${provider}`;
}
