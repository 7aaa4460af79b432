import { jsonResponse, parseUuid, withSession } from "@/lib/server/api";
import { testContactPoint } from "@/lib/server/alerts";

export const dynamic = "force-dynamic";

// POST /api/alerts/contact-points/{id}/test — one test message now: {status, attempts, httpStatus, error} (admins)
export const POST = withSession<{ id: string }>(async ({ ctx, params }) => {
  return jsonResponse(await testContactPoint(ctx, { id: parseUuid(params.id, "contact point") }));
});
