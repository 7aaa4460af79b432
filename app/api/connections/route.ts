import { createConnectionSchema } from "@/lib/connection";
import { jsonResponse, readJsonBody } from "@/lib/server/api/response";
import { withSession } from "@/lib/server/api/with-api";
import { createConnection, listConnections, loadConnectionDeps } from "@/lib/server/connections";
import { parseInput } from "@/lib/server/api/input";
import { assertCan } from "@/lib/server/security/permissions";

export const dynamic = "force-dynamic";

// GET /api/connections — the environment's read-only connections and the team's own (admins only)
export const GET = withSession(async ({ user }) => {
  assertCan(user, "connections:manage");
  const items = await listConnections(await loadConnectionDeps(), user.teamId);
  return jsonResponse({ items });
});

// POST /api/connections — add {provider, name, apiKey, region?, budgetPerMinute?} (admins only)
export const POST = withSession(async ({ request, user }) => {
  assertCan(user, "connections:manage");
  const input = parseInput(createConnectionSchema, await readJsonBody(request));
  const connection = await createConnection(await loadConnectionDeps(), user.teamId, input);
  return jsonResponse(connection, 201);
});
