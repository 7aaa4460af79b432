import { createApiTokenSchema } from "@/lib/api-token";
import { jsonResponse, parseBody, withSession } from "@/lib/server/api";
import { createApiToken, listApiTokens } from "@/lib/server/api-tokens";

export const dynamic = "force-dynamic";

// GET /api/tokens — the team's API tokens, revoked and expired ones included, never the tokens (admins only)
export const GET = withSession(async ({ ctx }) => {
  return jsonResponse({ items: await listApiTokens(ctx) });
});

// POST /api/tokens — {name, role: member|operator, expiresAt? | expiresInDays?} → {id, token, item}; the token is shown this once (admins only)
export const POST = withSession(async ({ ctx, request }) => {
  const input = await parseBody(
    request,
    createApiTokenSchema,
    "Give a name, a role (member or operator) and optionally expiresAt or expiresInDays.",
  );
  return jsonResponse(await createApiToken(ctx, input), 201);
});
