import "server-only";
import { errorResponse } from "./api-response";
import { requireApiSession, type SessionUser } from "./session";

export type ApiHandlerContext<Params> = { request: Request; user: SessionUser; params: Params };

/**
 * The one shape of every signed-in route handler: the session is checked here, in the handler
 * itself (proxy.ts only redirects pages), and every thrown AppError becomes its JSON error body.
 */
export function withSession<Params = Record<string, never>>(
  handler: (context: ApiHandlerContext<Params>) => Promise<Response>,
) {
  return async (request: Request, context: { params: Promise<Params> }): Promise<Response> => {
    try {
      const user = await requireApiSession();
      return await handler({ request, user, params: await context.params });
    } catch (error) {
      return errorResponse(error);
    }
  };
}
