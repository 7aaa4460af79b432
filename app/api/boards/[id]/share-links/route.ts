import { createShareLinkSchema } from "@/lib/share-link";
import { jsonResponse } from "@/lib/server/api/response";
import { withSession } from "@/lib/server/api/with-api";
import { getDb } from "@/lib/server/db/database";
import { parseJsonBody, parseUuid, requestOrigin } from "@/lib/server/api/request-origin";
import { createShareLink, listBoardShareLinks } from "@/lib/server/share-links";

export const dynamic = "force-dynamic";

type Params = { id: string };

// GET /api/boards/{id}/share-links — the board's links, without their tokens
export const GET = withSession<Params>(async ({ params, user }) => {
  const items = await listBoardShareLinks(await getDb(), user, parseUuid(params.id, "board"));
  return jsonResponse({ items });
});

// POST /api/boards/{id}/share-links — a new read-only link {expiresInHours?, frameOrigin?} (1 h–90 days, default 7 days)
export const POST = withSession<Params>(async ({ request, params, user }) => {
  const boardId = parseUuid(params.id, "board");
  const { expiresInHours, frameOrigin } = await parseJsonBody(
    request,
    createShareLinkSchema,
    "expiresInHours must be a whole number from 1 to 2160; frameOrigin a string or null.",
  );
  const link = await createShareLink(
    await getDb(),
    user,
    { boardId },
    { origin: requestOrigin(request), expiresInHours, frameOrigin },
  );
  return jsonResponse({ id: link.id, url: link.url }, 201);
});
