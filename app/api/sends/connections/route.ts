import { jsonResponse, withSession } from "@/lib/server/api";
import { listSendConnections } from "@/lib/server/connections";

export const dynamic = "force-dynamic";

// GET /api/sends/connections — the connections a member may pick sends from (id, provider, name)
export const GET = withSession(async ({ ctx }) => {
  return jsonResponse({ items: await listSendConnections(ctx) });
});
