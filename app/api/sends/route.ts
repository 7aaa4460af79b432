import { recentSendsQuerySchema } from "@/lib/recent-sends";
import { jsonResponse, parseQuery, withSession } from "@/lib/server/api";
import { listRecentSends } from "@/lib/server/sends";

export const dynamic = "force-dynamic";

// GET /api/sends?connection={id}[&status=][&q=][&cursor=] — a connection's recent sends, newest first
export const GET = withSession(async ({ ctx, request }) => {
  const query = parseQuery(new URL(request.url), recentSendsQuerySchema, "Name a connection, and optionally a status, a search and a cursor.");
  return jsonResponse(await listRecentSends(ctx, query));
});
