import { jsonResponse, publicContext, withApi } from "@/lib/server/api";
import { readBodyBytes } from "@/lib/server/api/body-bytes";
import { receiveBolnaEvent } from "@/lib/server/bolna-hooks";
import { getEnv } from "@/lib/server/env";
import { clientAddress } from "@/lib/server/security/client-address";

export const dynamic = "force-dynamic";

/** An execution object is a few KB; a transcript can make it longer, never this long. */
const MAX_EVENT_BYTES = 1024 * 1024;

// POST /api/hooks/bolna/{token} — Bolna's execution webhook: 200 {received} once stored (no session; the token is the credential)
export const POST = withApi<{ token: string }>(
  async ({ request, params }) => {
    const body = await readBodyBytes(request, MAX_EVENT_BYTES);
    const address = clientAddress(request.headers, getEnv().TRUSTED_PROXY_HOPS);
    return jsonResponse(await receiveBolnaEvent(await publicContext(), { token: params.token, address, body }));
  },
  { machineHook: true },
);
