import { createBatchShareLinkSchema } from "@/lib/share-link";
import { appOrigin, jsonResponse, parseBody, withSession } from "@/lib/server/api";
import { createShareLink } from "@/lib/server/share-links";

export const dynamic = "force-dynamic";

// POST /api/share-links — a read-only link to one batch {provider, batchId, connectionId?, expiresInHours?, frameOrigin?}
export const POST = withSession(async ({ ctx, request }) => {
  const { expiresInHours, frameOrigin, ...batch } = await parseBody(
    request,
    createBatchShareLinkSchema,
    "Give a provider, a batch id and optionally expiresInHours (1–2160) and frameOrigin.",
  );
  const link = await createShareLink(ctx, {
    target: { batch },
    origin: appOrigin(),
    expiresInHours,
    frameOrigin,
  });
  return jsonResponse({ id: link.id, url: link.url }, 201);
});
