import "server-only";
import { randomUUID } from "node:crypto";
import { errorResponse } from "./api-response";
import { getLogger, loggablePath } from "./logger";
import { requireApiSession, type SessionUser } from "./session";

export type ApiContext<Params> = { request: Request; params: Params; requestId: string };
export type ApiHandlerContext<Params> = ApiContext<Params> & { user: SessionUser };

const REQUEST_ID = /^[A-Za-z0-9._-]{8,64}$/;

/**
 * Every route handler runs through here: a request id (kept from a trusted proxy's
 * X-Request-Id when it is well formed), one log line per request, and every thrown AppError
 * turned into its JSON error body.
 */
export function withApi<Params = Record<string, never>>(handler: (context: ApiContext<Params>) => Promise<Response>) {
  return async (request: Request, context: { params: Promise<Params> }): Promise<Response> => {
    const started = performance.now();
    const incoming = request.headers.get("x-request-id");
    const requestId = incoming && REQUEST_ID.test(incoming) ? incoming : randomUUID();
    let response: Response;
    try {
      response = await handler({ request, params: await context.params, requestId });
    } catch (error) {
      response = errorResponse(error, requestId);
    }
    response.headers.set("X-Request-Id", requestId);
    getLogger().info(
      {
        requestId,
        method: request.method,
        path: loggablePath(new URL(request.url).pathname),
        status: response.status,
        ms: Math.round(performance.now() - started),
      },
      "request",
    );
    return response;
  };
}

/**
 * The one shape of every signed-in route handler: the session is checked here, in the handler
 * itself (proxy.ts only redirects pages).
 */
export function withSession<Params = Record<string, never>>(handler: (context: ApiHandlerContext<Params>) => Promise<Response>) {
  return withApi<Params>(async (context) => handler({ ...context, user: await requireApiSession() }));
}
