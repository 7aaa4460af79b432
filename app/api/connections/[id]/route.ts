import { connectionIdSchema, updateConnectionSchema } from "@/lib/connection";
import { emptyResponse, jsonResponse, parseBody, parseId, withSession } from "@/lib/server/api";
import { removeConnection, updateConnection } from "@/lib/server/connections";

export const dynamic = "force-dynamic";

// PATCH /api/connections/{id} — rename, replace the key, region, budget (admins only; env ones are 409)
export const PATCH = withSession<{ id: string }>(async ({ ctx, request, params }) => {
  const id = parseId(params.id, connectionIdSchema, "connection");
  const changes = await parseBody(request, updateConnectionSchema);
  return jsonResponse(await updateConnection(ctx, { id, changes }));
});

// DELETE /api/connections/{id} — remove a connection (admins only; env ones are 409)
export const DELETE = withSession<{ id: string }>(async ({ ctx, params }) => {
  await removeConnection(ctx, { id: parseId(params.id, connectionIdSchema, "connection") });
  return emptyResponse();
});
