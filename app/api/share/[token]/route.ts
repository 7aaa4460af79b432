import type { NextResponse } from "next/server";
import { errorResponse, jsonResponse } from "@/lib/server/api/response";
import { getDb } from "@/lib/server/db/database";
import { getSharedView, touchShareLink } from "@/lib/server/share-links";

export const dynamic = "force-dynamic";

// The token is the credential: keep the URL out of Referer headers and every cache.
function withShareHeaders(response: NextResponse): NextResponse {
  response.headers.set("Referrer-Policy", "no-referrer");
  response.headers.set("Cache-Control", "private, no-store");
  return response;
}

// GET /api/share/{token} — public, no session: what the link shows; 410 once revoked or expired
export async function GET(
  _request: Request,
  context: { params: Promise<{ token: string }> },
): Promise<Response> {
  try {
    const { token } = await context.params;
    const db = await getDb();
    const { linkId, ...view } = await getSharedView(db, token);
    await touchShareLink(db, linkId);
    return withShareHeaders(jsonResponse(view));
  } catch (error) {
    return withShareHeaders(errorResponse(error));
  }
}
