import "server-only";
import type { Kysely } from "kysely";
import { AppError } from "@/lib/errors";
import type { SharedView } from "@/lib/share-link";
import { listBoardBatchRows, toBoard } from "@/lib/server/boards";
import type { Database } from "@/lib/server/db/schema";
import { findBatchLabel } from "@/lib/server/labels";
import type { PublicContext } from "@/lib/server/service-context";
import { boardToDescriptor } from "@/lib/wall/descriptor";
import { resolveShareToken } from "./resolve";
import type { ShareScope } from "./resolve";

const USE_THROTTLE_MS = 60_000;

/** For an open screen's poll: what the link shows, keeping its "last used" current. */
export async function readSharedView(
  { db }: PublicContext,
  { token }: { token: string },
  now = new Date(),
): Promise<SharedView> {
  const { linkId, ...view } = await getSharedView(db, token, now);
  await touchShareLink(db, linkId, now);
  return view;
}

/** For the snapshot's poll: what the link shows and the team whose batches those are, keeping "last used" current. */
export async function readSharedScope(
  { db }: PublicContext,
  { token }: { token: string },
  now = new Date(),
): Promise<{ teamId: string; boardId: string | null; view: SharedView }> {
  const scope = await resolveShareToken(db, token, now);
  const view = await viewOf(db, scope);
  await touchShareLink(db, scope.linkId, now);
  return { teamId: scope.teamId, boardId: scope.kind === "board" ? scope.boardId : null, view };
}

/** What a share link shows: the board's name and its batches in order, or the one batch. */
export async function getSharedView(
  db: Kysely<Database>,
  token: string,
  now = new Date(),
): Promise<SharedView & { linkId: string }> {
  const scope = await resolveShareToken(db, token, now);
  return { linkId: scope.linkId, ...(await viewOf(db, scope)) };
}

async function viewOf(db: Kysely<Database>, scope: ShareScope): Promise<SharedView> {
  if (scope.kind === "batch") {
    const { connectionId, provider, batchId } = scope;
    const label = await findBatchLabel(db, { teamId: scope.teamId, connectionId, provider, batchId });
    return {
      kind: "batch",
      name: label ?? batchId,
      expiresAt: scope.expiresAt,
      batches: [{ id: scope.linkId, connectionId, provider, batchId, label }],
    };
  }
  const row = await db
    .selectFrom("boards")
    .selectAll()
    .where("id", "=", scope.boardId)
    .where("team_id", "=", scope.teamId)
    .executeTakeFirst();
  if (!row) throw new AppError("not_found", "This share link does not exist.");
  const board = toBoard(row, await listBoardBatchRows(db, row.id));
  return { ...boardToDescriptor(board), expiresAt: scope.expiresAt };
}

/** One page load of a share link: counted once, however often the open screen polls afterwards. */
export async function recordShareView(
  db: Kysely<Database>,
  linkId: string,
  now = new Date(),
): Promise<void> {
  await db
    .updateTable("share_links")
    .set((eb) => ({ view_count: eb("view_count", "+", 1), last_used_at: now.toISOString() }))
    .where("id", "=", linkId)
    .execute();
}

/** An open screen keeps "last used" current, at most one write a minute per link. */
export async function touchShareLink(
  db: Kysely<Database>,
  linkId: string,
  now = new Date(),
): Promise<void> {
  const before = new Date(now.getTime() - USE_THROTTLE_MS).toISOString();
  await db
    .updateTable("share_links")
    .set({ last_used_at: now.toISOString() })
    .where("id", "=", linkId)
    .where((eb) => eb.or([eb("last_used_at", "is", null), eb("last_used_at", "<", before)]))
    .execute();
}
