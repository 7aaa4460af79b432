import "server-only";
import { AppError } from "@/lib/errors";
import type { SharedView } from "@/lib/share-link";
import { boardToDescriptor } from "@/lib/wall/descriptor";
import { LRUCache } from "lru-cache";
import { readFiringAlertsShared } from "../alerts";
import type { TaggedJson } from "../api/etag";
import { pollKeyToString } from "../polling";
import { shareViewer, userViewer } from "../batches";
import { getBoard } from "../boards";
import { recordViewer } from "../metrics";
import { processSingleton } from "../process-singleton";
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

/**
 * How long one reading of a board's batches serves every viewer of it. On a board of running
 * batches some batch has news several times a second, so without this each viewer's poll would
 * read and write the whole board again; no batch changes faster than once a second.
 */
export const SHARED_FOR_MS = 250;

type Reading = { at: number; body: Promise<TaggedJson> };

function readings(): LRUCache<string, Reading> {
  return processSingleton("board-snapshots:readings", () => new LRUCache<string, Reading>({ max: 2_000 }));
}

/** Concurrent viewers share one reading too, the first one's wait for a batch's first answer included. */
async function snapshotOf(teamId: string, shown: SharedView, viewer: string): Promise<TaggedJson> {
  recordViewer(viewer);
  const key = `${teamId}\n${JSON.stringify(shown)}`;
  const now = Date.now();
  const recent = readings().get(key);
  if (recent && now - recent.at < SHARED_FOR_MS) return recent.body;
  const pollKeys = shown.batches.map((batch) => pollKeyToString(batch));
  const body = Promise.all([readSnapshotParts(teamId, shown.batches, viewer), readFiringAlertsShared(teamId, pollKeys)]).then(([parts, firing]) =>
    serializedSnapshot(key, shown, parts, pollKeys.map((pollKey) => firing.get(pollKey) ?? [])),
  );
  readings().set(key, { at: now, body });
  return body;
}
