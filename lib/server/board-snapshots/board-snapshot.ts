import "server-only";
import { AppError } from "@/lib/errors";
import type { SharedView } from "@/lib/share-link";
import { boardToDescriptor } from "@/lib/wall/descriptor";
import type { TaggedJson } from "../api/etag";
import { shareViewer, userViewer } from "../batches";
import { getBoard } from "../boards";
import { assertCan } from "../security/permissions";
import type { PublicContext, ServiceContext } from "../service-context";
import { readSharedScope } from "../share-links";
import { serializedSnapshot } from "./serialized-snapshot";
import { readSnapshotParts } from "./snapshot-parts";

/** A team's board with every batch on it, as the JSON (and ETag) the snapshot route answers. */
export async function getBoardSnapshotBody(ctx: ServiceContext, { boardId }: { boardId: string }): Promise<TaggedJson> {
  assertCan(ctx.actor, "batches:read");
  const board = await getBoard(ctx, { boardId });
  return snapshotOf(ctx.actor.teamId, boardToDescriptor(board), userViewer(ctx.actor.id));
}

/**
 * What a share link shows, the same way: its board, or its one batch. With `boardId`, the link
 * must be that board's (403 otherwise); 410 once it is revoked or expired.
 */
export async function getSharedSnapshotBody(ctx: PublicContext, { token, boardId }: { token: string; boardId?: string }): Promise<TaggedJson> {
  const scope = await readSharedScope(ctx, { token });
  if (boardId !== undefined && scope.boardId !== boardId) throw new AppError("forbidden", "This share link does not include this board.");
  return snapshotOf(scope.teamId, scope.view, shareViewer(token));
}

async function snapshotOf(teamId: string, shown: SharedView, viewer: string): Promise<TaggedJson> {
  return serializedSnapshot(shown, await readSnapshotParts(teamId, shown.batches, viewer));
}
