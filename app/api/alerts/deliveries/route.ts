import { deliveriesQuerySchema } from "@/lib/alerts";
import { jsonResponse, parseQuery, withSession } from "@/lib/server/api";
import { listAlertDeliveries } from "@/lib/server/alerts";

export const dynamic = "force-dynamic";

// GET /api/alerts/deliveries?cursor= — every delivery attempt with its status, newest first: {items, nextCursor} (admins)
export const GET = withSession(async ({ ctx, url }) => {
  const { cursor } = parseQuery(url, deliveriesQuerySchema, "cursor must be a nextCursor from an earlier page.");
  return jsonResponse(await listAlertDeliveries(ctx, { cursor }));
});
