import "server-only";
import type { Kysely } from "kysely";
import { AppError } from "@/lib/errors";
import type { ProviderId } from "@/lib/providers/provider-id";
import type { Database } from "../db/schema";
import { envConnectionId } from "./env-connections";
import { findFirstConnectionRow } from "./repository";

/**
 * The connection a stored batch (on a board, or labelled) goes through when the request names
 * none: the team's default (as resolveConnection picks it), else the environment's — which shows
 * "not configured" on the card until an admin connects the provider, rather than refusing it.
 */
export async function defaultConnectionIdFor(
  db: Kysely<Database>,
  teamId: string,
  provider: ProviderId,
): Promise<string> {
  return (await findFirstConnectionRow(db, teamId, provider))?.id ?? envConnectionId(provider);
}

/**
 * The connection id to store: the default, or the one asked for if this team may use it for this
 * provider. Another team's connection is "not found", so ids cannot be probed or borrowed.
 */
export async function storedConnectionIdFor(
  db: Kysely<Database>,
  teamId: string,
  provider: ProviderId,
  requested: string | undefined,
): Promise<string> {
  if (requested === undefined) return defaultConnectionIdFor(db, teamId, provider);
  if (requested === envConnectionId(provider)) return requested;
  const row = await db
    .selectFrom("connections")
    .select("id")
    .where("id", "=", requested)
    .where("team_id", "=", teamId)
    .where("provider", "=", provider)
    .executeTakeFirst();
  if (!row) throw new AppError("not_found", "This connection does not exist.");
  return row.id;
}
