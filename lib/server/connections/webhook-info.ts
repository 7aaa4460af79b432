import "server-only";
import type { Kysely } from "kysely";
import type { Connection } from "@/lib/connection";
import { AppError } from "@/lib/errors";
import type { ProviderId } from "@/lib/providers/provider-id";
import { appOrigin } from "../app-url";
import type { Database } from "../db/schema";
import type { Env } from "../env";
import { parseSendGridPublicKey } from "../security/sendgrid-public-key";
import { isEnvConnectionId } from "./env-connections";
import { DEFAULT_BATCH_ARG } from "./hook-connection";
import type { ConnectionRow } from "./repository";
import { sendGridWebhookStatuses } from "./webhook-status";

/** The address an admin pastes into SendGrid's Event Webhook settings for this connection. */
export function sendGridWebhookUrl(connectionId: string): string {
  return `${appOrigin()}/api/hooks/sendgrid/${encodeURIComponent(connectionId)}`;
}

/** SendGrid connections get their webhook's address, settings and what it delivered so far. */
export async function withWebhookInfo(
  db: Kysely<Database>,
  env: Env,
  connections: Connection[],
  rows: ConnectionRow[],
): Promise<Connection[]> {
  const sendGrid = connections.filter((connection) => connection.provider === "sendgrid");
  if (sendGrid.length === 0) return connections;
  const statuses = await sendGridWebhookStatuses(
    db,
    sendGrid.map((connection) => connection.id),
  );
  const rowsById = new Map(rows.map((row) => [row.id, row]));
  return connections.map((connection) => {
    if (connection.provider !== "sendgrid") return connection;
    const row = rowsById.get(connection.id);
    const settings = isEnvConnectionId(connection.id)
      ? {
          publicKey: env.SENDGRID_WEBHOOK_PUBLIC_KEY ?? null,
          batchArg: env.SENDGRID_WEBHOOK_BATCH_ARG,
        }
      : {
          publicKey: row?.webhook_public_key ?? null,
          batchArg: row?.webhook_batch_arg ?? DEFAULT_BATCH_ARG,
        };
    const status = statuses.get(connection.id);
    return {
      ...connection,
      webhook: {
        url: sendGridWebhookUrl(connection.id),
        publicKeySet: settings.publicKey !== null,
        batchArg: settings.batchArg,
        lastEvent: status?.lastEvent ?? null,
        lastReceivedAt: status?.lastReceivedAt ?? null,
        events: status?.events ?? 0,
        untaggedEvents: status?.untaggedEvents ?? 0,
      },
    };
  });
}

/** Webhook settings belong to a provider with a signed event webhook, and the key must be one. */
export function checkWebhookSettings(
  provider: ProviderId,
  input: { webhookPublicKey?: string | null; webhookBatchArg?: string | null },
): void {
  if (input.webhookPublicKey === undefined && input.webhookBatchArg === undefined) return;
  if (provider !== "sendgrid")
    throw new AppError("bad_request", "Only SendGrid connections take webhook settings.");
  if (input.webhookPublicKey && !parseSendGridPublicKey(input.webhookPublicKey))
    throw new AppError(
      "bad_request",
      "That is not SendGrid's verification key: paste the public key shown under Mail Settings → Event Webhook → Signature Verification.",
    );
}

/** A removed connection's webhook events, messages and tallies go with it (recipient addresses among them). */
export async function forgetWebhookData(db: Kysely<Database>, connectionId: string): Promise<void> {
  for (const table of ["sendgrid_events", "sendgrid_messages", "sendgrid_tallies"] as const)
    await db.deleteFrom(table).where("connection_id", "=", connectionId).execute();
}
