import { createAlertRuleSchema } from "@/lib/alerts";
import { jsonResponse, parseBody, withSession } from "@/lib/server/api";
import { createAlertRule, listAlertRules } from "@/lib/server/alerts";

export const dynamic = "force-dynamic";

// GET /api/alerts/rules — the team's alert rules (admins)
export const GET = withSession(async ({ ctx }) => {
  return jsonResponse({ items: await listAlertRules(ctx) });
});

// POST /api/alerts/rules — {boardId? | batch?: {provider, batchId, connectionId?}, kind, threshold?, minutes?, contactPointIds} → {id}
export const POST = withSession(async ({ ctx, request }) => {
  const input = await parseBody(request, createAlertRuleSchema, "Give boardId or batch, a kind, its threshold or minutes, and contactPointIds.");
  return jsonResponse(await createAlertRule(ctx, input), 201);
});
