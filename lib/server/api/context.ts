import "server-only";
import { getEnv } from "../env";
import { clientAddress } from "../security/client-address";
import { contextFor, type ServiceContext } from "../service-context";
import { requireApiSession } from "../session";

/**
 * The signed-in caller's context, or a 401: the session is checked in the handler itself (proxy.ts
 * only redirects pages). The client's address goes with it, for the activity log; it is worked out
 * only when read, so the polls that make most requests never pay for it.
 */
export async function sessionContext(request: Request): Promise<ServiceContext> {
  const ctx = await contextFor(await requireApiSession(request));
  return {
    ...ctx,
    get address() {
      return clientAddress(request.headers, getEnv().TRUSTED_PROXY_HOPS);
    },
  };
}
