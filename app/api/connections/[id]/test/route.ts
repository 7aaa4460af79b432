import { connectionIdSchema } from "@/lib/connection";
import { jsonResponse } from "@/lib/server/api/response";
import { withSession } from "@/lib/server/api/with-api";
import { loadConnectionDeps, testConnectionById } from "@/lib/server/connections";
import { parseInput } from "@/lib/server/api/input";
import { assertCan } from "@/lib/server/security/permissions";

export const dynamic = "force-dynamic";

// POST /api/connections/{id}/test — one cheap authenticated call: {ok, message, missingScopes?} (admins only)
export const POST = withSession<{ id: string }>(async ({ request, params, user }) => {
  assertCan(user, "connections:manage");
  const id = parseInput(connectionIdSchema, params.id);
  const result = await testConnectionById(await loadConnectionDeps(), user.teamId, id, request.signal);
  return jsonResponse(result);
});
