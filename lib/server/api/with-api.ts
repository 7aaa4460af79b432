import "server-only";
import { randomUUID } from "node:crypto";
import { NextRequest } from "next/server";
import { appOrigin } from "../app-url";
import { loggablePath, logRequest } from "../logger";
import type { ServiceContext } from "../service-context";
import { sessionContext } from "./context";
import { assertSameOrigin, changesState, isCookielessBearer } from "./cross-site";
import { errorResponse } from "./response";

/**
 * `url` is the request's, parsed once for the handler and the log line; `userId` (a person) or
 * `tokenId` (an API token, never the token itself) is set by withSession once the caller is
 * known, so the request's log line names them.
 */
export type ApiContext<Params> = { request: Request; url: RequestUrl; params: Params; requestId: string; userId?: string; tokenId?: string };
export type SessionApiContext<Params> = ApiContext<Params> & { ctx: ServiceContext };

/**
 * `headers`: set on every answer of the route, errors included. `signedMachineCall`: the route is
 * called by another service with a credential of its own in the request (a provider's webhook
 * signature), never by a browser with our session cookie, so the cross-site check is skipped.
 * `machineHook`: the route is a provider's webhook whose URL token is its only credential
 * (POST /api/hooks/bolna/{token}): no session or cookie counts there, so a cross-site browser
 * request can do nothing a holder of the URL could not, and a provider may send any Origin or
 * none; the cross-site check is skipped for it alone. Neither for a route that reads a session.
 */
export type ApiOptions = { headers?: Record<string, string>; signedMachineCall?: true; machineHook?: true };

const REQUEST_ID = /^[A-Za-z0-9._-]{8,64}$/;

type RequestUrl = Pick<URL, "pathname" | "searchParams">;

// Next hands handlers a NextRequest whose URL it has already parsed; tests hand a plain Request.
function urlOf(request: Request): RequestUrl {
  return request instanceof NextRequest ? request.nextUrl : new URL(request.url);
}

/**
 * Every route handler runs through here: a request id (kept from a trusted proxy's
 * X-Request-Id when it is well formed), state-changing requests from other sites refused (403
 * cross_site_request) before the handler runs, one log line per request, and every thrown
 * AppError turned into its JSON error body.
 */
export function withApi<Params = Record<string, never>>(handler: (context: ApiContext<Params>) => Promise<Response>, options: ApiOptions = {}) {
  // Every request pays for the wrapper: what can be worked out once is.
  const routeHeaders = Object.entries(options.headers ?? {});
  const checksSite = options.signedMachineCall !== true && options.machineHook !== true;
  return async (request: Request, context: { params: Promise<Params> }): Promise<Response> => {
    const started = performance.now();
    const incoming = request.headers.get("x-request-id");
    const requestId = incoming && REQUEST_ID.test(incoming) ? incoming : randomUUID();
    const url = urlOf(request);
    let apiContext: ApiContext<Params> | undefined;
    let response: Response;
    try {
      if (checksSite && changesState(request.method) && !isCookielessBearer(request.headers)) assertSameOrigin(request.headers, appOrigin());
      apiContext = { request, url, params: await context.params, requestId };
      response = await handler(apiContext);
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
      // Only when known: the line is JSON written by hand, and undefined is not JSON.
      ...(apiContext?.userId && { userId: apiContext.userId }),
      ...(apiContext?.tokenId && { tokenId: apiContext.tokenId }),
    });
    return response;
  };
}

/** The one shape of every signed-in route handler: the handler gets the services' context of the caller. */
export function withSession<Params = Record<string, never>>(handler: (context: SessionApiContext<Params>) => Promise<Response>) {
  return withApi<Params>(async (context) => {
    const ctx = await sessionContext(context.request);
    if (ctx.actor.kind === "token") context.tokenId = ctx.actor.id;
    else context.userId = ctx.actor.id;
    return handler({ ...context, ctx });
  });
}
