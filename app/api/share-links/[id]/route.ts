import { emptyResponse, parseUuid, withSession } from "@/lib/server/api";
import { revokeShareLink } from "@/lib/server/share-links";

export const dynamic = "force-dynamic";

// DELETE /api/share-links/{id} — revoke: every screen showing it stops within one poll
export const DELETE = withSession<{ id: string }>(async ({ ctx, params }) => {
  await revokeShareLink(ctx, { linkId: parseUuid(params.id, "share link") });
  return emptyResponse();
});
