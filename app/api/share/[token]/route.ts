import { jsonResponse, publicContext, withApi } from "@/lib/server/api";
import { readSharedView } from "@/lib/server/share-links";

export const dynamic = "force-dynamic";

// The token is the credential: keep the URL out of Referer headers and every cache, errors included.
const SHARE_HEADERS = { "Referrer-Policy": "no-referrer", "Cache-Control": "private, no-store" };

// GET /api/share/{token} — public, no session: what the link shows; 410 once revoked or expired
export const GET = withApi<{ token: string }>(
  async ({ params }) =>
    jsonResponse(await readSharedView(await publicContext(), { token: params.token })),
  { headers: SHARE_HEADERS },
);
