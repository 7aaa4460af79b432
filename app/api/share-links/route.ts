import { createBatchShareLinkSchema } from "@/lib/share-link";
import { jsonResponse } from "@/lib/server/api/response";
import { withSession } from "@/lib/server/api/with-api";
import { getDb } from "@/lib/server/db/database";
import { parseJsonBody, requestOrigin } from "@/lib/server/api/request-origin";
import { createShareLink } from "@/lib/server/share-links";

export const dynamic = "force-dynamic";

// POST /api/share-links — a read-only link to one batch {provider, batchId, connectionId?, expiresInHours?, frameOrigin?}
export const POST = withSession(async ({ request, user }) => {
  const { expiresInHours, frameOrigin, ...batch } = await parseJsonBody(
    request,
    createBatchShareLinkSchema,
    "Give a provider, a batch id and optionally expiresInHours (1–2160) and frameOrigin.",
  );
  const link = await createShareLink(
    await getDb(),
    user,
    { batch },
    { origin: requestOrigin(request), expiresInHours, frameOrigin },
  );
  return jsonResponse({ id: link.id, url: link.url }, 201);
});
