import "server-only";
import { randomUUID } from "node:crypto";
import { NextRequest } from "next/server";
import { loggablePath, logRequest } from "../logger";
import type { ServiceContext } from "../service-context";
import { sessionContext } from "./context";
import { errorResponse } from "./response";

/** `url` is the request's, parsed once for the handler and the log line. */
export type ApiContext<Params> = { request: Request; url: RequestUrl; params: Params; requestId: string };
export type SessionApiContext<Params> = ApiContext<Params> & { ctx: ServiceContext };

/** Headers set on every answer of the route, errors included. */
export type ApiOptions = { headers?: Record<string, string> };

const REQUEST_ID = /^[A-Za-z0-9._-]{8,64}$/;

type RequestUrl = Pick<URL, "pathname" | "searchParams">;

// Next hands handlers a NextRequest whose URL it has already parsed; tests hand a plain Request.
function urlOf(request: Request): RequestUrl {
  return request instanceof NextRequest ? request.nextUrl : new URL(request.url);
}

/**
 * Every route handler runs through here: a request id (kept from a trusted proxy's
 * X-Request-Id when it is well formed), one log line per request, and every thrown AppError
 * turned into its JSON error body.
 */
export function withApi<Params = Record<string, never>>(handler: (context: ApiContext<Params>) => Promise<Response>, options: ApiOptions = {}) {
  // Every request pays for the wrapper: what can be worked out once is.
  const routeHeaders = Object.entries(options.headers ?? {});
  return async (request: Request, context: { params: Promise<Params> }): Promise<Response> => {
    const started = performance.now();
    const incoming = request.headers.get("x-request-id");
    const requestId = incoming && REQUEST_ID.test(incoming) ? incoming : randomUUID();
    const url = urlOf(request);
    let response: Response;
    try {
      response = await handler({ request, url, params: await context.params, requestId });
    } catch (error) {
      response = errorResponse(error, requestId);
    }
    for (const [name, value] of routeHeaders) response.headers.set(name, value);
    response.headers.set("X-Request-Id", requestId);
    logRequest({
      requestId,
      method: request.method,
      path: loggablePath(url.pathname),
      status: response.status,
      ms: Math.round(performance.now() - started),
    });
    return response;
  };
}

/** The one shape of every signed-in route handler: the handler gets the services' context of the caller. */
export function withSession<Params = Record<string, never>>(handler: (context: SessionApiContext<Params>) => Promise<Response>) {
  return withApi<Params>(async (context) => handler({ ...context, ctx: await sessionContext(context.request) }));
}
