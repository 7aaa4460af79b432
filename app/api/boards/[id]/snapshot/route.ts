import { boardSnapshotQuerySchema } from "@/lib/board-snapshot";
import { parseQuery, parseUuid, publicContext, sessionContext, taggedJsonResponse, withApi } from "@/lib/server/api";
import { getBoardSnapshotBody, getSharedSnapshotBody } from "@/lib/server/board-snapshots";

export const dynamic = "force-dynamic";

// GET /api/boards/{id}/snapshot[?share={token}] — every batch of the board in one body, with the
// summary and the pace to poll at. A share token of this board's link stands in for a session.
// If-None-Match with the answer's ETag: 304 and no body while nothing the viewer sees has changed.
export const GET = withApi<{ id: string }>(async ({ request, url, params }) => {
  const { share } = parseQuery(url, boardSnapshotQuerySchema);
  const boardId = parseUuid(params.id, "board");
  if (share === undefined) {
    const ctx = await sessionContext(request);
    return taggedJsonResponse(request, await getBoardSnapshotBody(ctx, { boardId }));
  }
  return taggedJsonResponse(request, await getSharedSnapshotBody(await publicContext(), { token: share, boardId }));
});
