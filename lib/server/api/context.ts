import "server-only";
import { authenticateApiToken } from "../api-tokens";
import { getDb } from "../db/database";
import { getEnv } from "../env";
import { bearerTokenOf } from "../security/bearer";
import { clientAddress } from "../security/client-address";
import { contextFor, type ServiceContext } from "../service-context";
import { requireApiSession } from "../session";

/**
 * The caller's context, or a 401: an API token when the request carries `Authorization: Bearer`
 * (it wins over any cookie: the script said who it is), else the session (checked in the handler
 * itself; proxy.ts only redirects pages). Only the JSON API comes here: pages read the session
 * cookie alone, and share links and walls take their own token, never this one. The client's
 * address goes with it, for the activity log; it is worked out only when read, so the polls that
 * make most requests never pay for it.
 */
export async function sessionContext(request: Request): Promise<ServiceContext> {
  const address = () => clientAddress(request.headers, getEnv().TRUSTED_PROXY_HOPS);
  const token = bearerTokenOf(request.headers);
  const ctx =
    token === null
      ? await contextFor(await requireApiSession(request))
      : await tokenContext(token, address);
  return {
    ...ctx,
    get address() {
      return address();
    },
  };
}

async function tokenContext(token: string, address: () => string | null): Promise<ServiceContext> {
  const db = await getDb();
  const actor = await authenticateApiToken(
    {
      db,
      get address() {
        return address();
      },
    },
    { token },
  );
  return { db, actor };
}
