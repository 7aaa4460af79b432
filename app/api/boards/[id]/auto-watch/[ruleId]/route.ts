import { updateAutoWatchRuleSchema } from "@/lib/auto-watch";
import { emptyResponse, jsonResponse, parseBody, parseUuid, withSession } from "@/lib/server/api";
import { removeAutoWatchRule, updateAutoWatchRule } from "@/lib/server/auto-watch";

export const dynamic = "force-dynamic";

type Params = { id: string; ruleId: string };

// PATCH /api/boards/{id}/auto-watch/{ruleId} — change the filters or how long finished sends stay
export const PATCH = withSession<Params>(async ({ ctx, request, params }) => {
  const boardId = parseUuid(params.id, "board");
  const ruleId = parseUuid(params.ruleId, "rule");
  const changes = await parseBody(request, updateAutoWatchRuleSchema, "Change nameContains, template, agentId or removeAfterMinutes.");
  return jsonResponse(await updateAutoWatchRule(ctx, { boardId, ruleId, changes }));
});

// DELETE /api/boards/{id}/auto-watch/{ruleId} — stop following (the sends it added stay)
export const DELETE = withSession<Params>(async ({ ctx, params }) => {
  await removeAutoWatchRule(ctx, { boardId: parseUuid(params.id, "board"), ruleId: parseUuid(params.ruleId, "rule") });
  return emptyResponse();
});
