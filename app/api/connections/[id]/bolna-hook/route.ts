import { bolnaHookAllowlistSchema } from "@/lib/bolna-hook";
import { connectionIdSchema } from "@/lib/connection";
import { jsonResponse, parseBody, parseId, withSession } from "@/lib/server/api";
import { getBolnaHookStatus, rotateBolnaHook, setBolnaHookAllowlist } from "@/lib/server/bolna-hooks";

export const dynamic = "force-dynamic";

// GET /api/connections/{id}/bolna-hook — whether it has a hook URL, its last event, its allowlist (admins only; never the URL)
export const GET = withSession<{ id: string }>(async ({ ctx, params }) => {
  const connectionId = parseId(params.id, connectionIdSchema, "connection");
  return jsonResponse(await getBolnaHookStatus(ctx, { connectionId }));
});

// POST /api/connections/{id}/bolna-hook — a new hook URL, shown this once; the previous one stops working (admins only)
export const POST = withSession<{ id: string }>(async ({ ctx, params }) => {
  const connectionId = parseId(params.id, connectionIdSchema, "connection");
  return jsonResponse(await rotateBolnaHook(ctx, { connectionId }), 201);
});

// PATCH /api/connections/{id}/bolna-hook — {allowlist: string[]}: the source addresses allowed to post (empty: any; admins only)
export const PATCH = withSession<{ id: string }>(async ({ ctx, request, params }) => {
  const connectionId = parseId(params.id, connectionIdSchema, "connection");
  const { allowlist } = await parseBody(request, bolnaHookAllowlistSchema, "Give allowlist as a list of IP addresses.");
  return jsonResponse(await setBolnaHookAllowlist(ctx, { connectionId, allowlist }));
});
