import "server-only";
import { randomUUID } from "node:crypto";
import type { Kysely, Selectable } from "kysely";
import type { Connection, Region } from "@/lib/connection";
import { isProviderId } from "@/lib/providers/provider-id";
import type { ProviderId } from "@/lib/providers/provider-id";
import type { ConnectionsTable, Database } from "@/lib/server/db/schema";
import { encryptSecret, lastFour } from "@/lib/server/security/key-encryption";

// Team-scoped storage of connections. The key is encrypted with the row id as associated data,
// so a ciphertext copied onto another row does not open; only key_last4 ever leaves this file.

export type ConnectionRow = Selectable<ConnectionsTable>;

export type NewConnection = {
  teamId: string;
  provider: ProviderId;
  name: string;
  region: Region | null;
  apiKey: string;
  budgetPerMinute: number | null;
  webhookPublicKey?: string | null;
  webhookBatchArg?: string | null;
};

export type ConnectionChanges = {
  name?: string;
  region?: Region | null;
  apiKey?: string;
  budgetPerMinute?: number | null;
  webhookPublicKey?: string | null;
  webhookBatchArg?: string | null;
};

export function regionOf(row: ConnectionRow): Region | null {
  return row.region === "global" || row.region === "eu" ? row.region : null;
}

export function toPublicConnection(row: ConnectionRow): Connection | null {
  // A row written by a newer build with a provider this one does not know is skipped, not fatal.
  if (!isProviderId(row.provider)) return null;
  return {
    id: row.id,
    provider: row.provider,
    name: row.name,
    region: regionOf(row),
    keyLastFour: row.key_last4,
    budgetPerMinute: row.budget_per_minute,
    readOnly: false,
    createdAt: row.created_at,
  };
}

export async function listConnectionRows(db: Kysely<Database>, teamId: string): Promise<ConnectionRow[]> {
  return db.selectFrom("connections").selectAll().where("team_id", "=", teamId).orderBy("created_at").orderBy("id").execute();
}

/** A team's default connection for a provider: the first one added. */
export async function findFirstConnectionRow(db: Kysely<Database>, teamId: string, provider: ProviderId): Promise<ConnectionRow | undefined> {
  return db
    .selectFrom("connections")
    .selectAll()
    .where("team_id", "=", teamId)
    .where("provider", "=", provider)
    .orderBy("created_at")
    .orderBy("id")
    .executeTakeFirst();
}

export async function findConnectionRow(db: Kysely<Database>, teamId: string, id: string): Promise<ConnectionRow | undefined> {
  return db.selectFrom("connections").selectAll().where("team_id", "=", teamId).where("id", "=", id).executeTakeFirst();
}

export async function insertConnection(db: Kysely<Database>, masterKey: Buffer, input: NewConnection, now = new Date()): Promise<ConnectionRow> {
  const id = randomUUID();
  const row: ConnectionRow = {
    id,
    team_id: input.teamId,
    provider: input.provider,
    name: input.name,
    region: input.region,
    encrypted_key: encryptSecret(input.apiKey, masterKey, id),
    key_last4: lastFour(input.apiKey),
    budget_per_minute: input.budgetPerMinute,
    webhook_public_key: input.webhookPublicKey ?? null,
    webhook_batch_arg: input.webhookBatchArg ?? null,
    created_at: now.toISOString(),
    updated_at: now.toISOString(),
  };
  await db.insertInto("connections").values(row).execute();
  return row;
}

/** Undefined when the team has no such connection. */
export async function updateConnectionRow(
  db: Kysely<Database>,
  masterKey: Buffer,
  teamId: string,
  id: string,
  changes: ConnectionChanges,
  now = new Date(),
): Promise<ConnectionRow | undefined> {
  const key = changes.apiKey;
  await db
    .updateTable("connections")
    .set({
      ...(changes.name !== undefined && { name: changes.name }),
      ...(changes.region !== undefined && { region: changes.region }),
      ...(changes.budgetPerMinute !== undefined && { budget_per_minute: changes.budgetPerMinute }),
      ...(changes.webhookPublicKey !== undefined && { webhook_public_key: changes.webhookPublicKey }),
      ...(changes.webhookBatchArg !== undefined && { webhook_batch_arg: changes.webhookBatchArg }),
      ...(key !== undefined && { encrypted_key: encryptSecret(key, masterKey, id), key_last4: lastFour(key) }),
      updated_at: now.toISOString(),
    })
    .where("team_id", "=", teamId)
    .where("id", "=", id)
    .execute();
  return findConnectionRow(db, teamId, id);
}

export async function deleteConnectionRow(db: Kysely<Database>, teamId: string, id: string): Promise<boolean> {
  const result = await db.deleteFrom("connections").where("team_id", "=", teamId).where("id", "=", id).executeTakeFirst();
  if (result.numDeletedRows === BigInt(0)) return false;
  // Its hook URL goes with it: a token must not outlive the account it posts for (its events follow).
  const hooks = db.selectFrom("bolna_hooks").select("id").where("team_id", "=", teamId).where("connection_id", "=", id);
  await db.deleteFrom("bolna_hook_events").where("hook_id", "in", hooks).execute();
  await db.deleteFrom("bolna_hooks").where("team_id", "=", teamId).where("connection_id", "=", id).execute();
  return true;
}
