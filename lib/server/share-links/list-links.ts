import "server-only";
import type { Kysely } from "kysely";
import { isProviderId } from "@/lib/providers/provider-id";
import type { ShareLink, ShareLinkTarget } from "@/lib/share-link";
import { findTeamBoard } from "@/lib/server/boards";
import type { Database } from "@/lib/server/db/schema";
import { assertCan, can, type Actor } from "@/lib/server/security/permissions";
import type { ServiceContext } from "@/lib/server/service-context";

/** Every link of the board, revoked and expired ones included, newest first. */
export async function listBoardShareLinks(
  { db, actor }: ServiceContext,
  { boardId }: { boardId: string },
): Promise<ShareLink[]> {
  assertCan(actor, "share-links:manage");
  const board = await findTeamBoard(db, actor.teamId, boardId);
  const rows = await linkRows(db, actor.teamId).where("l.board_id", "=", board.id).execute();
  return toShareLinks(rows, actor);
}

/** Settings → Share links: every link of the team that still works, board or batch, whoever made it. */
export async function listTeamShareLinks({ db, actor }: ServiceContext, now = new Date()): Promise<ShareLink[]> {
  assertCan(actor, "share-links:manage");
  const rows = await linkRows(db, actor.teamId)
    .where("l.revoked_at", "is", null)
    .where((eb) => eb.or([eb("l.expires_at", "is", null), eb("l.expires_at", ">", now.toISOString())]))
    .execute();
  return toShareLinks(rows, actor);
}

function linkRows(db: Kysely<Database>, teamId: string) {
  return db
    .selectFrom("share_links as l")
    .leftJoin("boards as b", (join) => join.onRef("b.id", "=", "l.board_id").onRef("b.team_id", "=", "l.team_id"))
    .leftJoin("users as u", (join) => join.onRef("u.id", "=", "l.created_by").onRef("u.team_id", "=", "l.team_id"))
    .select([
      "l.id",
      "l.name",
      "l.board_id",
      "l.provider",
      "l.batch_id",
      "l.connection_id",
      "l.created_by",
      "l.created_at",
      "l.expires_at",
      "l.revoked_at",
      "l.last_used_at",
      "l.view_count",
      "l.frame_origin",
      "b.name as board_name",
      "u.name as creator_name",
    ])
    .where("l.team_id", "=", teamId)
    .orderBy("l.created_at", "desc")
    .orderBy("l.id");
}

type LinkRow = Awaited<ReturnType<ReturnType<typeof linkRows>["execute"]>>[number];

function toShareLinks(rows: LinkRow[], actor: Actor): ShareLink[] {
  const mayRevokeAny = can(actor, "share-links:revoke-any");
  return rows.flatMap((row) => {
    const target = targetOf(row);
    if (!target) return [];
    return [
      {
        id: row.id,
        name: row.name,
        target,
        createdBy: row.creator_name === null ? null : { id: row.created_by, name: row.creator_name },
        canRevoke: mayRevokeAny || row.created_by === actor.id,
        createdAt: row.created_at,
        expiresAt: row.expires_at,
        revokedAt: row.revoked_at,
        lastUsedAt: row.last_used_at,
        viewCount: row.view_count,
        frameOrigin: row.frame_origin,
      },
    ];
  });
}

/** A link whose board is gone or whose row is half written lists as nothing, as it resolves to nothing. */
function targetOf(row: LinkRow): ShareLinkTarget | null {
  if (row.board_id !== null) return row.board_name === null ? null : { kind: "board", boardId: row.board_id, boardName: row.board_name };
  const { provider, batch_id: batchId, connection_id: connectionId } = row;
  if (provider === null || batchId === null || connectionId === null || !isProviderId(provider)) return null;
  return { kind: "batch", provider, batchId, connectionId };
}
