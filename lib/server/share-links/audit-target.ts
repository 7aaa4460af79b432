import "server-only";
import type { Kysely } from "kysely";
import type { AuditEventInput } from "@/lib/server/audit";
import type { Database } from "@/lib/server/db/schema";

/** How the activity log names a link: by what it shares (the board's name, or the batch and its provider), never its token. */
export async function shareLinkAuditTarget(
  db: Kysely<Database>,
  teamId: string,
  linkId: string,
): Promise<Pick<AuditEventInput, "target" | "details">> {
  const row = await db
    .selectFrom("share_links")
    .leftJoin("boards", (join) => join.onRef("boards.id", "=", "share_links.board_id").on("boards.team_id", "=", teamId))
    .select(["share_links.board_id", "share_links.provider", "share_links.batch_id", "boards.name as board_name"])
    .where("share_links.id", "=", linkId)
    .where("share_links.team_id", "=", teamId)
    .executeTakeFirst();
  const target = { id: linkId, label: row?.board_name ?? row?.batch_id ?? null };
  if (row?.board_id) return { target, details: { shares: "board", boardId: row.board_id } };
  return { target, details: { shares: "batch", provider: row?.provider ?? null } };
}
