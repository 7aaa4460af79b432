import "server-only";
import { randomUUID } from "node:crypto";
import type { Kysely } from "kysely";
import type { BoardBatchInput } from "@/lib/board";
import { AppError } from "@/lib/errors";
import { frameOriginSchema } from "@/lib/frame-origin";
import { recordAudit } from "@/lib/server/audit";
import { findTeamBoard, prepareBoardBatch } from "@/lib/server/boards";
import type { Database } from "@/lib/server/db/schema";
import { assertCan } from "@/lib/server/security/permissions";
import type { ServiceContext } from "@/lib/server/service-context";
import { createShareToken, hashToken } from "@/lib/server/security/tokens";
import { shareLinkAuditTarget } from "./audit-target";
import { shareLinkExpiresAt } from "./expiry";
import { forgetFrameAncestors } from "./frame-ancestors";

export type ShareTarget = { boardId: string } | { batch: Omit<BoardBatchInput, "label"> };
/** `origin` is APP_URL (see appOrigin): the link is made for it. */
export type NewShareLink = { target: ShareTarget; origin: string; name?: string | null; expiresInHours?: number; frameOrigin?: string | null };
export type CreatedShareLinkWithToken = {
  id: string;
  url: string;
  token: string;
  expiresAt: string;
};

type TargetColumns = {
  board_id: string | null;
  connection_id: string | null;
  provider: string | null;
  batch_id: string | null;
};

async function targetColumns(
  db: Kysely<Database>,
  teamId: string,
  target: ShareTarget,
): Promise<TargetColumns> {
  if ("boardId" in target) {
    const board = await findTeamBoard(db, teamId, target.boardId);
    return { board_id: board.id, connection_id: null, provider: null, batch_id: null };
  }
  const batch = await prepareBoardBatch(db, teamId, target.batch);
  return {
    board_id: null,
    connection_id: batch.connectionId,
    provider: batch.provider,
    batch_id: batch.batchId,
  };
}

/** Null or absent: the page may not be framed at all. */
function parseFrameOrigin(value: string | null | undefined): string | null {
  if (value === undefined || value === null) return null;
  const parsed = frameOriginSchema.safeParse(value);
  if (parsed.success) return parsed.data;
  throw new AppError("invalid_frame_origin", parsed.error.issues[0]?.message ?? "Not an origin.");
}

/** The token leaves this function once, inside the URL; only its hash is stored. */
export async function createShareLink(
  ctx: ServiceContext,
  input: NewShareLink,
  now = new Date(),
): Promise<CreatedShareLinkWithToken> {
  const { db, actor } = ctx;
  assertCan(actor, "share-links:manage");
  const expiresAt = shareLinkExpiresAt(now, input.expiresInHours);
  const frameOrigin = parseFrameOrigin(input.frameOrigin);
  const columns = await targetColumns(db, actor.teamId, input.target);
  const token = createShareToken();
  const id = randomUUID();
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto("share_links")
      .values({
        id,
        team_id: actor.teamId,
        ...columns,
        token_hash: hashToken(token),
        created_by: actor.id,
        created_at: now.toISOString(),
        expires_at: expiresAt,
        revoked_at: null,
        last_used_at: null,
        frame_origin: frameOrigin,
        name: input.name ? input.name : null,
      })
      .execute();
    await recordAudit(
      { ...ctx, db: trx },
      { action: "share_link.create", ...(await shareLinkAuditTarget(trx, actor.teamId, id)) },
      now,
    );
  });
  return { id, url: `${input.origin}/s/${token}`, token, expiresAt };
}

/**
 * Revoking twice is fine and keeps the first time; another team's link is not found. Admins may
 * revoke any link of the team, members the ones they made.
 */
export async function revokeShareLink(
  ctx: ServiceContext,
  { linkId }: { linkId: string },
  now = new Date(),
): Promise<void> {
  const { db, actor } = ctx;
  assertCan(actor, "share-links:manage");
  const row = await db
    .selectFrom("share_links")
    .select(["id", "revoked_at", "token_hash", "created_by"])
    .where("id", "=", linkId)
    .where("team_id", "=", actor.teamId)
    .executeTakeFirst();
  if (!row) throw new AppError("not_found", "This share link does not exist.");
  if (row.created_by !== actor.id) assertCan(actor, "share-links:revoke-any");
  if (row.revoked_at !== null) return;
  await db.transaction().execute(async (trx) => {
    // Two revokes at once: the second changes nothing, so only the first is recorded.
    const revoked = await trx
      .updateTable("share_links")
      .set({ revoked_at: now.toISOString() })
      .where("id", "=", row.id)
      .where("revoked_at", "is", null)
      .executeTakeFirst();
    if (revoked.numUpdatedRows === BigInt(0)) return;
    await recordAudit(
      { ...ctx, db: trx },
      { action: "share_link.revoke", ...(await shareLinkAuditTarget(trx, actor.teamId, row.id)) },
      now,
    );
  });
  forgetFrameAncestors(row.token_hash);
}

/** When someone leaves the team, the links they made stop working with them. */
export async function revokeShareLinksMadeBy(db: Kysely<Database>, userId: string, now = new Date()): Promise<void> {
  const live = await db.selectFrom("share_links").select(["id", "token_hash"]).where("created_by", "=", userId).where("revoked_at", "is", null).execute();
  if (live.length === 0) return;
  await db
    .updateTable("share_links")
    .set({ revoked_at: now.toISOString() })
    .where("created_by", "=", userId)
    .where("revoked_at", "is", null)
    .execute();
  for (const { token_hash: tokenHash } of live) forgetFrameAncestors(tokenHash);
}
