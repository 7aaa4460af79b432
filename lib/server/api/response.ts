import "server-only";
import { NextResponse } from "next/server";
import { AppError } from "@/lib/errors";
import { errorName, getLogger } from "../logger";
import { holdsCurrent, type TaggedJson } from "./etag";

// Everything the API returns is per-user and live: never stored by a browser or a proxy.
const NO_STORE = { "Cache-Control": "private, no-store" };

export function jsonResponse(data: unknown, status = 200): NextResponse {
  return NextResponse.json(data, { status, headers: NO_STORE });
}

/**
 * For a body already serialized (one JSON shared by many viewers), with its ETag: a viewer that
 * quotes it in If-None-Match gets 304 and no body. no-store still holds: the browser keeps
 * nothing, the page keeps its last answer and asks with its tag (lib/api-client.ts).
 */
export function taggedJsonResponse(request: Request, { json, etag }: TaggedJson): Response {
  if (holdsCurrent(request.headers.get("if-none-match"), etag)) {
    return new Response(null, { status: 304, headers: { ...NO_STORE, ETag: etag } });
  }
  return new Response(json, { status: 200, headers: { ...NO_STORE, "Content-Type": "application/json", ETag: etag } });
}

// A 503 that knows when to come back (provider_busy) says so; a provider's own 429 wait stays ours.
function errorHeaders(error: AppError): Record<string, string> {
  if (error.status !== 503 || error.retryAfterSeconds === null) return NO_STORE;
  return { ...NO_STORE, "Retry-After": String(error.retryAfterSeconds) };
}

export function emptyResponse(status = 204): NextResponse {
  return new NextResponse(null, { status, headers: NO_STORE });
}

export function errorResponse(error: unknown, requestId?: string): NextResponse {
  if (error instanceof AppError) return NextResponse.json(error.toBody(), { status: error.status, headers: errorHeaders(error) });
  // Only the error's kind and place are logged: a message could quote data we do not control.
  const where = error instanceof Error ? error.stack?.split("\n")[1]?.trim() : undefined;
  getLogger().error({ requestId, errorName: errorName(error), where }, "unhandled API error");
  const internal = new AppError("internal", "Something went wrong on the server. Try again.");
  return NextResponse.json(internal.toBody(), { status: 500, headers: NO_STORE });
}
