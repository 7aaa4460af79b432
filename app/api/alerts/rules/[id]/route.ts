import { emptyResponse, parseUuid, withSession } from "@/lib/server/api";
import { removeAlertRule } from "@/lib/server/alerts";

export const dynamic = "force-dynamic";

// DELETE /api/alerts/rules/{id} — the rule and its incidents go (admins)
export const DELETE = withSession<{ id: string }>(async ({ ctx, params }) => {
  await removeAlertRule(ctx, { id: parseUuid(params.id, "alert rule") });
  return emptyResponse();
});
