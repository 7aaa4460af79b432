import { emptyResponse, parseUuid, withSession } from "@/lib/server/api";
import { revokeApiToken } from "@/lib/server/api-tokens";

export const dynamic = "force-dynamic";

// DELETE /api/tokens/{id} — revoke: refused from its next request on every instance (admins only)
export const DELETE = withSession<{ id: string }>(async ({ ctx, params }) => {
  await revokeApiToken(ctx, { tokenId: parseUuid(params.id, "API token") });
  return emptyResponse();
});
