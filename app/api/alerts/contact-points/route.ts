import { createContactPointSchema } from "@/lib/alerts";
import { jsonResponse, parseBody, withSession } from "@/lib/server/api";
import { createContactPoint, listContactPoints } from "@/lib/server/alerts";

export const dynamic = "force-dynamic";

// GET /api/alerts/contact-points — the team's contact points, destinations masked (admins)
export const GET = withSession(async ({ ctx }) => {
  return jsonResponse({ items: await listContactPoints(ctx) });
});

// POST /api/alerts/contact-points — {type: "slack"|"webhook"|"email", name, url?, to?} → {id, secret?}; a webhook's secret is shown here only
export const POST = withSession(async ({ ctx, request }) => {
  const input = await parseBody(request, createContactPointSchema, "Give a type (slack, webhook or email), a name, and the url (slack, webhook) or to (email).");
  return jsonResponse(await createContactPoint(ctx, input), 201);
});
