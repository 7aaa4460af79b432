import { connectionIdSchema, updateConnectionSchema } from "@/lib/connection";
import { emptyResponse, jsonResponse, readJsonBody } from "@/lib/server/api/response";
import { withSession } from "@/lib/server/api/with-api";
import { loadConnectionDeps, removeConnection, updateConnection } from "@/lib/server/connections";
import { parseInput } from "@/lib/server/api/input";
import { assertCan } from "@/lib/server/security/permissions";

export const dynamic = "force-dynamic";

// PATCH /api/connections/{id} — rename, replace the key, region, budget (admins only; env ones are 409)
export const PATCH = withSession<{ id: string }>(async ({ request, params, user }) => {
  assertCan(user, "connections:manage");
  const id = parseInput(connectionIdSchema, params.id);
  const changes = parseInput(updateConnectionSchema, await readJsonBody(request));
  const connection = await updateConnection(await loadConnectionDeps(), user.teamId, id, changes);
  return jsonResponse(connection);
});

// DELETE /api/connections/{id} — remove a connection (admins only; env ones are 409)
export const DELETE = withSession<{ id: string }>(async ({ params, user }) => {
  assertCan(user, "connections:manage");
  const id = parseInput(connectionIdSchema, params.id);
  await removeConnection(await loadConnectionDeps(), user.teamId, id);
  return emptyResponse();
});
