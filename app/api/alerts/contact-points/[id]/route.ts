import { emptyResponse, parseUuid, withSession } from "@/lib/server/api";
import { removeContactPoint } from "@/lib/server/alerts";

export const dynamic = "force-dynamic";

// DELETE /api/alerts/contact-points/{id} — rules naming it keep their other contact points (admins)
export const DELETE = withSession<{ id: string }>(async ({ ctx, params }) => {
  await removeContactPoint(ctx, { id: parseUuid(params.id, "contact point") });
  return emptyResponse();
});
