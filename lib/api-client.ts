import type { ZodMiniType } from "zod/mini";
import { REQUEST_TIMEOUT_MS } from "@/config/polling";
import { noteServerDate } from "./clock-offset";
import { ERROR_STATUS, isErrorBody } from "./errors";
import type { ErrorCode } from "./errors";

// Client-safe fetch helper for our own API: every response is checked with the schema the server
// used, and every failure becomes an ApiError the views can branch on by `code`.

/** Our API's codes, plus two for failures that never reached or never made sense as an answer. */
export type ApiErrorCode = ErrorCode | "network_error" | "invalid_response";

export class ApiError extends Error {
  /** HTTP status, or 0 when no answer arrived. */
  readonly status: number;
  readonly code: ApiErrorCode;

  constructor(status: number, code: ApiErrorCode, message: string) {
    super(message);
    this.name = "ApiError";
    this.status = status;
    this.code = code;
  }
}

export type RequestOptions = {
  method?: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
  body?: unknown;
  signal?: AbortSignal;
  /** Let the request finish after the page is gone (a removal committed as the tab closes). */
  keepalive?: boolean;
};

function isKnownCode(code: unknown): code is ErrorCode {
  return typeof code === "string" && Object.hasOwn(ERROR_STATUS, code);
}

function codeForStatus(status: number): ErrorCode {
  switch (status) {
    case 400:
      return "bad_request";
    case 401:
      return "unauthorized";
    case 403:
      return "forbidden";
    case 404:
      return "not_found";
    case 409:
      return "conflict";
    default:
      return "internal";
  }
}

async function readJson(response: Response): Promise<unknown> {
  try {
    return await response.json();
  } catch {
    return undefined;
  }
}

async function send(path: string, options: RequestOptions, etag?: string): Promise<Response> {
  const timeout = AbortSignal.timeout(REQUEST_TIMEOUT_MS);
  const signal = options.signal ? AbortSignal.any([options.signal, timeout]) : timeout;
  const hasBody = options.body !== undefined;
  const headers: Record<string, string> = { accept: "application/json" };
  if (hasBody) headers["content-type"] = "application/json";
  if (etag) headers["if-none-match"] = etag;
  try {
    const response = await fetch(path, {
      method: options.method ?? "GET",
      headers,
      body: hasBody ? JSON.stringify(options.body) : undefined,
      credentials: "same-origin",
      cache: "no-store",
      keepalive: options.keepalive,
      signal,
    });
    noteServerDate(response.headers.get("date"));
    return response;
  } catch (error) {
    // The caller cancelled (unmount, newer request): let the query library see its own abort.
    if (options.signal?.aborted) throw error;
    if (timeout.aborted)
      throw new ApiError(0, "network_error", "The server took too long to answer.");
    throw new ApiError(0, "network_error", "Could not reach the Sendboard server.");
  }
}

/** The error a body of ours names, e.g. one batch's part of a board snapshot. */
export function apiErrorOf({ code, message }: { code: string; message: string }): ApiError {
  return isKnownCode(code) ? new ApiError(ERROR_STATUS[code], code, message) : new ApiError(500, "internal", message);
}

async function failureOf(response: Response): Promise<ApiError> {
  const body = await readJson(response);
  if (isErrorBody(body) && isKnownCode(body.error.code)) {
    return new ApiError(response.status, body.error.code, body.error.message);
  }
  return new ApiError(
    response.status,
    codeForStatus(response.status),
    `The server answered ${response.status}.`,
  );
}

/** Sends a request and returns its JSON body, validated with `schema`. */
export async function requestJson<T>(
  path: string,
  schema: ZodMiniType<T>,
  options: RequestOptions = {},
): Promise<T> {
  const response = await send(path, options);
  if (!response.ok) throw await failureOf(response);
  return parsedBody(response, schema);
}

export type ConditionalAnswer<T> =
  | { modified: false }
  | { modified: true; data: T; etag: string | null };

/**
 * A GET that quotes the ETag of the answer the caller holds: 304 means that answer is still
 * current. Pages ask with no-store, so the browser keeps nothing and never answers from a cache:
 * every answer, 304 included, came from the server just now.
 */
export async function requestJsonIfChanged<T>(
  path: string,
  schema: ZodMiniType<T>,
  etag: string | null,
  options: Pick<RequestOptions, "signal"> = {},
): Promise<ConditionalAnswer<T>> {
  const response = await send(path, options, etag ?? undefined);
  if (response.status === 304 && etag) return { modified: false };
  if (!response.ok) throw await failureOf(response);
  return { modified: true, data: await parsedBody(response, schema), etag: response.headers.get("etag") };
}

async function parsedBody<T>(response: Response, schema: ZodMiniType<T>): Promise<T> {
  const parsed = schema.safeParse(await readJson(response));
  if (!parsed.success) {
    throw new ApiError(
      response.status,
      "invalid_response",
      "The server sent data this page cannot read.",
    );
  }
  return parsed.data;
}

/** Sends a request whose success has no body (204). */
export async function requestNoContent(path: string, options: RequestOptions = {}): Promise<void> {
  const response = await send(path, options);
  if (!response.ok) throw await failureOf(response);
}

export function isApiError(error: unknown, ...codes: ApiErrorCode[]): error is ApiError {
  return error instanceof ApiError && (codes.length === 0 || codes.includes(error.code));
}

/** The code of a failed request, or null when it did not fail through our API client. */
export function errorCodeOf(error: unknown): ApiErrorCode | null {
  return error instanceof ApiError ? error.code : null;
}
