import "server-only";
import type { AuditEventInput } from "@/lib/server/audit";
import type { ProviderId } from "@/lib/providers/provider-id";

/** How the activity log names a connection: its name and provider, never its key. */
export function connectionAuditEvent(connection: { id: string; name: string; provider: ProviderId | string }): Pick<AuditEventInput, "target" | "details"> {
  return { target: { id: connection.id, label: connection.name }, details: { provider: connection.provider } };
}
