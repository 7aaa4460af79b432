import "server-only";
import { randomUUID } from "node:crypto";
import type { Kysely } from "kysely";
import type { BoardBatchInput } from "@/lib/board";
import { AppError } from "@/lib/errors";
import { frameOriginSchema } from "@/lib/frame-origin";
import type { ShareLink } from "@/lib/share-link";
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
/** `origin` is the one the browser used (see requestOrigin): the link is made for it. */
export type NewShareLink = { target: ShareTarget; origin: string; expiresInHours?: number; frameOrigin?: string | null };
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

export async function listBoardShareLinks(
  { db, actor }: ServiceContext,
  { boardId }: { boardId: string },
): Promise<ShareLink[]> {
  assertCan(actor, "share-links:manage");
  const board = await findTeamBoard(db, actor.teamId, boardId);
  const rows = await db
    .selectFrom("share_links")
    .select([
      "id",
      "created_at",
      "expires_at",
      "revoked_at",
      "last_used_at",
      "view_count",
      "frame_origin",
    ])
    .where("team_id", "=", actor.teamId)
    .where("board_id", "=", board.id)
    .orderBy("created_at", "desc")
    .orderBy("id")
    .execute();
  return rows.map((row) => ({
    id: row.id,
    createdAt: row.created_at,
    expiresAt: row.expires_at,
    revokedAt: row.revoked_at,
    lastUsedAt: row.last_used_at,
    viewCount: row.view_count,
    frameOrigin: row.frame_origin,
  }));
}

/** Revoking twice is fine and keeps the first time; another team's link is not found. */
export async function revokeShareLink(
  ctx: ServiceContext,
  { linkId }: { linkId: string },
  now = new Date(),
): Promise<void> {
  const { db, actor } = ctx;
  assertCan(actor, "share-links:manage");
  const row = await db
    .selectFrom("share_links")
    .select(["id", "revoked_at", "token_hash"])
    .where("id", "=", linkId)
    .where("team_id", "=", actor.teamId)
    .executeTakeFirst();
  if (!row) throw new AppError("not_found", "This share link does not exist.");
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
