import "server-only";
import { contextFor, type ServiceContext } from "../service-context";
import { requireApiSession } from "../session";

/** The signed-in caller's context, or a 401: the session is checked in the handler itself (proxy.ts only redirects pages). */
export async function sessionContext(request: Request): Promise<ServiceContext> {
  return contextFor(await requireApiSession(request));
}
