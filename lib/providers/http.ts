import "server-only";
import { AppError } from "@/lib/errors";

export type UpstreamResponse = {
  status: number;
  headers: Headers;
  /** Parsed JSON, or undefined when the body was empty or not JSON (an HTML error page, say). */
  body: unknown;
};

/** How a call ended: the HTTP status class, or the failure that left no status. */
export type CallOutcome = `${number}xx` | "timeout" | "network_error";

export type UpstreamMethod = "GET" | "POST" | "PATCH" | "DELETE";

export type UpstreamRequest = {
  providerName: string;
  baseUrl: string;
  /** GET unless said otherwise. */
  method?: UpstreamMethod;
  /** Path segments; each is percent-encoded so an id can never add a segment or a query. */
  path: readonly string[];
  /** Keep a trailing slash (Mindo's paths end with one; without it Django redirects). */
  trailingSlash?: boolean;
  query?: Readonly<Record<string, string>>;
  /** Sent as JSON. */
  body?: unknown;
  headers: Record<string, string>;
  timeoutMs: number;
  signal?: AbortSignal;
  onOutcome: (outcome: CallOutcome, seconds: number) => void;
};

export function buildUpstreamUrl(
  baseUrl: string,
  path: readonly string[],
  trailingSlash = false,
  query: Readonly<Record<string, string>> = {},
): string {
  const base = baseUrl.replace(/\/+$/, "");
  const encoded = path.map((segment) => encodeURIComponent(segment)).join("/");
  const search = new URLSearchParams(query).toString();
  return `${base}/${encoded}${trailingSlash ? "/" : ""}${search ? `?${search}` : ""}`;
}

/**
 * One call to a provider. Only the headers given here go upstream (never the viewer's cookies),
 * redirects are not followed (a redirect could carry the key elsewhere), the wait is bounded,
 * and failures become AppErrors whose messages name the provider but never the key or body.
 */
export async function requestUpstream(request: UpstreamRequest): Promise<UpstreamResponse> {
  const started = performance.now();
  const report = (outcome: CallOutcome) => request.onOutcome(outcome, (performance.now() - started) / 1000);
  const url = buildUpstreamUrl(request.baseUrl, request.path, request.trailingSlash, request.query);
  const timeout = AbortSignal.timeout(request.timeoutMs);
  const signal = request.signal ? AbortSignal.any([request.signal, timeout]) : timeout;
  const json: Record<string, string> = request.body === undefined ? {} : { "Content-Type": "application/json" };
  let response: Response;
  try {
    response = await fetch(url, {
      method: request.method ?? "GET",
      headers: { Accept: "application/json", ...json, ...request.headers },
      body: request.body === undefined ? undefined : JSON.stringify(request.body),
      redirect: "manual",
      cache: "no-store",
      signal,
    });
  } catch {
    report(timeout.aborted ? "timeout" : "network_error");
    if (timeout.aborted) {
      throw new AppError("provider_timeout", `${request.providerName} did not answer within ${Math.round(request.timeoutMs / 1000)} s.`);
    }
    throw new AppError("provider_error", `${request.providerName} could not be reached.`);
  }
  let text: string;
  try {
    text = await response.text();
  } catch {
    report(timeout.aborted ? "timeout" : "network_error");
    throw timeout.aborted
      ? new AppError("provider_timeout", `${request.providerName} did not finish answering in time.`)
      : new AppError("provider_error", `${request.providerName} broke off its answer.`);
  }
  report(`${Math.floor(response.status / 100)}xx`);
  return { status: response.status, headers: response.headers, body: parseJsonOrUndefined(text) };
}

function parseJsonOrUndefined(text: string): unknown {
  if (text.trim() === "") return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/** Seconds from a Retry-After header (delta-seconds or HTTP date), or null. */
export function readRetryAfter(headers: Headers, now = Date.now()): number | null {
  const value = headers.get("retry-after");
  if (!value) return null;
  if (/^\d+$/.test(value.trim())) return Number(value.trim());
  const date = Date.parse(value);
  return Number.isNaN(date) ? null : Math.max(0, Math.ceil((date - now) / 1000));
}

/**
 * The failure every provider shares: anything that is not a 2xx the adapter understood.
 * Adapters reach it through their Upstream's statusError, which also reports it.
 */
export function upstreamStatusError(providerName: string, response: UpstreamResponse): AppError {
  const { status } = response;
  if (status === 404) return new AppError("not_found", `${providerName} has no batch with this id.`);
  if (status === 401 || status === 403) {
    return new AppError("provider_auth_failed", `${providerName} rejected the API key (HTTP ${status}): it is invalid, expired or lacks permission.`);
  }
  if (status === 429) {
    const retryAfterSeconds = readRetryAfter(response.headers);
    const wait = retryAfterSeconds === null ? "" : ` Retry after ${retryAfterSeconds} s.`;
    return new AppError("provider_rate_limited", `${providerName} is rate limiting requests.${wait}`, { retryAfterSeconds });
  }
  if (status >= 300 && status < 400) {
    return new AppError("provider_bad_response", `${providerName} answered with a redirect, which is not followed.`);
  }
  return new AppError("provider_error", `${providerName} answered HTTP ${status}.`);
}

/** Reported by the adapter (defineAdapter) when it escapes the transform. */
export function badPayloadError(providerName: string): AppError {
  return new AppError("provider_bad_response", `${providerName} answered with data Sendboard could not read.`);
}
