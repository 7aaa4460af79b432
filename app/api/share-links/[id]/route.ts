import { emptyResponse } from "@/lib/server/api/response";
import { withSession } from "@/lib/server/api/with-api";
import { getDb } from "@/lib/server/db/database";
import { parseUuid } from "@/lib/server/api/request-origin";
import { revokeShareLink } from "@/lib/server/share-links";

export const dynamic = "force-dynamic";

// DELETE /api/share-links/{id} — revoke: every screen showing it stops within one poll
export const DELETE = withSession<{ id: string }>(async ({ params, user }) => {
  await revokeShareLink(await getDb(), user, parseUuid(params.id, "share link"));
  return emptyResponse();
});
