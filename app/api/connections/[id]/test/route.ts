import { connectionIdSchema } from "@/lib/connection";
import { jsonResponse, parseId, withSession } from "@/lib/server/api";
import { testConnectionById } from "@/lib/server/connections";

export const dynamic = "force-dynamic";

// POST /api/connections/{id}/test — one cheap authenticated call: {ok, message, missingScopes?} (admins only)
export const POST = withSession<{ id: string }>(async ({ ctx, request, params }) => {
  const id = parseId(params.id, connectionIdSchema, "connection");
  return jsonResponse(await testConnectionById(ctx, { id, signal: request.signal }));
});
