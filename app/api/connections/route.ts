import { createConnectionSchema } from "@/lib/connection";
import { jsonResponse, parseBody, withSession } from "@/lib/server/api";
import { createConnection, listConnections } from "@/lib/server/connections";

export const dynamic = "force-dynamic";

// GET /api/connections — the environment's read-only connections and the team's own (admins only)
export const GET = withSession(async ({ ctx }) => {
  return jsonResponse({ items: await listConnections(ctx) });
});

// POST /api/connections — add {provider, name, apiKey, region?, budgetPerMinute?} (admins only)
export const POST = withSession(async ({ ctx, request }) => {
  const input = await parseBody(request, createConnectionSchema);
  return jsonResponse(await createConnection(ctx, input), 201);
});
