import { jsonResponse } from "@/lib/server/api/response";
import { getAppVersion } from "@/lib/server/app-version";

export const dynamic = "force-dynamic";

// GET /api/version — public: the running build, so open wall screens reload after a deploy
export function GET(): Response {
  return jsonResponse({ version: getAppVersion() });
}
