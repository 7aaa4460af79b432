import { createBatchShareLinkSchema } from "@/lib/share-link";
import { appOrigin, jsonResponse, parseBody, withSession } from "@/lib/server/api";
import { createShareLink, listTeamShareLinks } from "@/lib/server/share-links";

export const dynamic = "force-dynamic";

// GET /api/share-links — every live link of the team, board or batch, without their tokens
export const GET = withSession(async ({ ctx }) => {
  return jsonResponse({ items: await listTeamShareLinks(ctx) });
});

// POST /api/share-links — a read-only link to one batch {provider, batchId, connectionId?, name?, expiresInHours?, frameOrigin?}
export const POST = withSession(async ({ ctx, request }) => {
  const { name, expiresInHours, frameOrigin, ...batch } = await parseBody(
    request,
    createBatchShareLinkSchema,
    "Give a provider, a batch id and optionally a name, expiresInHours (1–2160) and frameOrigin.",
  );
  const link = await createShareLink(ctx, {
    target: { batch },
    origin: appOrigin(),
    name,
    expiresInHours,
    frameOrigin,
  });
  return jsonResponse({ id: link.id, url: link.url }, 201);
});
