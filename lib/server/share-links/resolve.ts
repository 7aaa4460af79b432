import "server-only";
import type { Kysely } from "kysely";
import { AppError } from "@/lib/errors";
import { isProviderId } from "@/lib/providers/provider-id";
import type { ProviderId } from "@/lib/providers/provider-id";
import type { Database } from "@/lib/server/db/schema";
import { hashToken, isExpired, isTokenShaped } from "@/lib/server/security/tokens";
import type { PublicContext } from "@/lib/server/service-context";

export type ShareScope = { linkId: string; teamId: string; expiresAt: string | null } & (
  | { kind: "board"; boardId: string }
  | { kind: "batch"; connectionId: string; provider: ProviderId; batchId: string }
);

const NOT_FOUND = "This share link does not exist.";

/** What a token may show, or why it no longer works. Revocation wins over expiry. */
export async function resolveShareToken(
  db: Kysely<Database>,
  token: string,
  now = new Date(),
): Promise<ShareScope> {
  // Garbage never reaches the database.
  if (!isTokenShaped(token)) throw new AppError("not_found", NOT_FOUND);
  const row = await db
    .selectFrom("share_links")
    .selectAll()
    .where("token_hash", "=", hashToken(token))
    .executeTakeFirst();
  if (!row) throw new AppError("not_found", NOT_FOUND);
  if (row.revoked_at !== null) throw new AppError("share_link_revoked", "This link was revoked.");
  if (isExpired(row.expires_at, now))
    throw new AppError("share_link_expired", "This link has expired.");
  const base = { linkId: row.id, teamId: row.team_id, expiresAt: row.expires_at };
  if (row.board_id !== null) return { ...base, kind: "board", boardId: row.board_id };
  const { connection_id: connectionId, provider, batch_id: batchId } = row;
  // A half-written row fails closed.
  if (connectionId === null || provider === null || batchId === null || !isProviderId(provider)) {
    throw new AppError("not_found", NOT_FOUND);
  }
  return { ...base, kind: "batch", connectionId, provider, batchId };
}

export type ShareBatchTarget = { provider: ProviderId; batchId: string; connectionId?: string };

/**
 * For the batch API's `?share=` requests: the team and connection to poll the batch through, if
 * the link covers that batch; 403 for any other batch, 410 once the link is revoked or expired.
 */
export async function authorizeShareBatch(
  { db }: PublicContext,
  { token, ...target }: ShareBatchTarget & { token: string },
  now = new Date(),
): Promise<{ teamId: string; connectionId: string }> {
  const scope = await resolveShareToken(db, token, now);
  const refuse = () => new AppError("forbidden", "This share link does not include this batch.");
  if (scope.kind === "batch") {
    const same =
      scope.provider === target.provider &&
      scope.batchId === target.batchId &&
      (target.connectionId === undefined || target.connectionId === scope.connectionId);
    if (!same) throw refuse();
    return { teamId: scope.teamId, connectionId: scope.connectionId };
  }
  let query = db
    .selectFrom("board_batches")
    .innerJoin("boards", "boards.id", "board_batches.board_id")
    .select("board_batches.connection_id")
    .where("boards.id", "=", scope.boardId)
    .where("boards.team_id", "=", scope.teamId)
    .where("board_batches.provider", "=", target.provider)
    .where("board_batches.batch_id", "=", target.batchId);
  if (target.connectionId !== undefined)
    query = query.where("board_batches.connection_id", "=", target.connectionId);
  const row = await query.orderBy("board_batches.position").executeTakeFirst();
  if (!row) throw refuse();
  return { teamId: scope.teamId, connectionId: row.connection_id };
}
