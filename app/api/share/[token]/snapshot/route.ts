import { publicContext, taggedJsonResponse, withApi } from "@/lib/server/api";
import { getSharedSnapshotBody } from "@/lib/server/board-snapshots";

export const dynamic = "force-dynamic";

// The token is the credential: keep the URL out of Referer headers, errors included.
const SHARE_HEADERS = { "Referrer-Policy": "no-referrer" };

// GET /api/share/{token}/snapshot — public: the board snapshot of whatever the link shows (a board
// or one batch), as /api/boards/{id}/snapshot answers it; 410 once revoked or expired
export const GET = withApi<{ token: string }>(
  async ({ request, params }) =>
    taggedJsonResponse(request, await getSharedSnapshotBody(await publicContext(), { token: params.token })),
  { headers: SHARE_HEADERS },
);
