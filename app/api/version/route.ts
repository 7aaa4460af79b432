import { jsonResponse, withApi } from "@/lib/server/api";
import { getAppVersion } from "@/lib/server/app-version";

export const dynamic = "force-dynamic";

// GET /api/version — public: the running build, so open wall screens reload after a deploy
export const GET = withApi(async () => jsonResponse({ version: getAppVersion() }));
