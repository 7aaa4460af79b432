import { auditPageQuerySchema } from "@/lib/audit-event";
import { jsonResponse, parseQuery, withSession } from "@/lib/server/api";
import { listAuditEvents } from "@/lib/server/audit";

export const dynamic = "force-dynamic";

// GET /api/audit?cursor= — the team's activity, newest first, a page at a time: {items, nextCursor} (admins only)
export const GET = withSession(async ({ ctx, url }) => {
  const { cursor } = parseQuery(url, auditPageQuerySchema, "cursor must be a nextCursor from an earlier page.");
  return jsonResponse(await listAuditEvents(ctx, { cursor }));
});
