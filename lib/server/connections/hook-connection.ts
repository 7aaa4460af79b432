import "server-only";
import { isProviderId, type ProviderId } from "@/lib/providers/provider-id";
import { connectionIdSchema } from "@/lib/connection";
import { loadConnectionDeps } from "./deps";
import { envConnectionId, isEnvConnectionId, resolveEnvConnection } from "./env-connections";
import { fromRow } from "./resolve";
import type { ResolvedConnection } from "./resolved-connection";

/** The webhook settings of a connection: SendGrid's verification key (null until pasted) and the batch custom arg. */
export type WebhookSettings = { publicKey: string | null; batchArg: string };

export const DEFAULT_BATCH_ARG = "batch_id";

/**
 * A connection a provider's webhook names by id alone (no session: the signature is the
 * credential). Undefined for an unknown id or one of another provider.
 */
export async function findHookConnection(
  provider: ProviderId,
  connectionId: string,
): Promise<{ connection: ResolvedConnection; webhook: WebhookSettings } | undefined> {
  if (!connectionIdSchema.safeParse(connectionId).success) return undefined;
  const deps = await loadConnectionDeps();
  if (isEnvConnectionId(connectionId)) {
    if (connectionId !== envConnectionId(provider)) return undefined;
    const connection = resolveEnvConnection(deps.env, provider);
    if (!connection) return undefined;
    return {
      connection,
      webhook: {
        publicKey: deps.env.SENDGRID_WEBHOOK_PUBLIC_KEY ?? null,
        batchArg: deps.env.SENDGRID_WEBHOOK_BATCH_ARG,
      },
    };
  }
  const row = await deps.db
    .selectFrom("connections")
    .selectAll()
    .where("id", "=", connectionId)
    .where("provider", "=", provider)
    .executeTakeFirst();
  const connection = row && isProviderId(row.provider) ? fromRow(deps, row) : undefined;
  if (!row || !connection) return undefined;
  return {
    connection,
    webhook: {
      publicKey: row.webhook_public_key,
      batchArg: row.webhook_batch_arg ?? DEFAULT_BATCH_ARG,
    },
  };
}
