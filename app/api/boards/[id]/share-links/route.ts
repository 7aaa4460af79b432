import { createShareLinkSchema } from "@/lib/share-link";
import { appOrigin, jsonResponse, parseBody, parseUuid, withSession } from "@/lib/server/api";
import { createShareLink, listBoardShareLinks } from "@/lib/server/share-links";

export const dynamic = "force-dynamic";

type Params = { id: string };

// GET /api/boards/{id}/share-links — the board's links, without their tokens
export const GET = withSession<Params>(async ({ ctx, params }) => {
  return jsonResponse({
    items: await listBoardShareLinks(ctx, { boardId: parseUuid(params.id, "board") }),
  });
});

// POST /api/boards/{id}/share-links — a new read-only link {name?, expiresInHours?, frameOrigin?} (1 h–90 days, default 7 days)
export const POST = withSession<Params>(async ({ ctx, request, params }) => {
  const boardId = parseUuid(params.id, "board");
  const { name, expiresInHours, frameOrigin } = await parseBody(
    request,
    createShareLinkSchema,
    "name must be plain text under 80 characters; expiresInHours a whole number from 1 to 2160; frameOrigin a string or null.",
  );
  const link = await createShareLink(ctx, {
    target: { boardId },
    origin: appOrigin(),
    name,
    expiresInHours,
    frameOrigin,
  });
  return jsonResponse({ id: link.id, url: link.url }, 201);
});
