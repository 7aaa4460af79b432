import { createAutoWatchRuleSchema } from "@/lib/auto-watch";
import { jsonResponse, parseBody, parseUuid, withSession } from "@/lib/server/api";
import { createAutoWatchRule, listAutoWatchRules } from "@/lib/server/auto-watch";

export const dynamic = "force-dynamic";

type Params = { id: string };

// GET /api/boards/{id}/auto-watch — the connections this board follows
export const GET = withSession<Params>(async ({ ctx, params }) => {
  return jsonResponse({ items: await listAutoWatchRules(ctx, { boardId: parseUuid(params.id, "board") }) });
});

// POST /api/boards/{id}/auto-watch — follow a connection {connectionId, nameContains?, template?, agentId?, removeAfterMinutes?}
export const POST = withSession<Params>(async ({ ctx, request, params }) => {
  const boardId = parseUuid(params.id, "board");
  const input = await parseBody(request, createAutoWatchRuleSchema, "Name a connection, and optionally filters and minutes to keep finished sends.");
  return jsonResponse(await createAutoWatchRule(ctx, { boardId, input }), 201);
});
