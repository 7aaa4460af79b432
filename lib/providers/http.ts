import "server-only";
import { AppError } from "@/lib/errors";
import { recordUpstreamCall, recordUpstreamError } from "@/lib/server/metrics";

export type UpstreamResponse = {
  status: number;
  headers: Headers;
  /** Parsed JSON, or undefined when the body was empty or not JSON (an HTML error page, say). */
  body: unknown;
};

export type UpstreamRequest = {
  providerName: string;
  baseUrl: string;
  /** Path segments; each is percent-encoded so an id can never add a segment or a query. */
  path: readonly string[];
  /** Keep a trailing slash (Mindo's paths end with one; without it Django redirects). */
  trailingSlash?: boolean;
  headers: Record<string, string>;
  timeoutMs: number;
  signal?: AbortSignal;
};

export function buildUpstreamUrl(baseUrl: string, path: readonly string[], trailingSlash = false): string {
  const base = baseUrl.replace(/\/+$/, "");
  const encoded = path.map((segment) => encodeURIComponent(segment)).join("/");
  return `${base}/${encoded}${trailingSlash ? "/" : ""}`;
}

/**
 * One GET to a provider. Only the headers given here go upstream (never the viewer's cookies),
 * redirects are not followed (a redirect could carry the key elsewhere), the wait is bounded,
 * and failures become AppErrors whose messages name the provider but never the key or body.
 */
export async function getUpstream(request: UpstreamRequest): Promise<UpstreamResponse> {
  const started = performance.now();
  const provider = request.providerName.toLowerCase();
  const record = (outcome: string) => {
    recordUpstreamCall(provider, outcome, (performance.now() - started) / 1000);
    if (outcome === "timeout") recordUpstreamError(provider, "provider_timeout");
    if (outcome === "network_error") recordUpstreamError(provider, "provider_error");
  };
  const url = buildUpstreamUrl(request.baseUrl, request.path, request.trailingSlash);
  const timeout = AbortSignal.timeout(request.timeoutMs);
  const signal = request.signal ? AbortSignal.any([request.signal, timeout]) : timeout;
  let response: Response;
  try {
    response = await fetch(url, {
      method: "GET",
      headers: { Accept: "application/json", ...request.headers },
      redirect: "manual",
      cache: "no-store",
      signal,
    });
  } catch {
    record(timeout.aborted ? "timeout" : "network_error");
    if (timeout.aborted) {
      throw new AppError("provider_timeout", `${request.providerName} did not answer within ${Math.round(request.timeoutMs / 1000)} s.`);
    }
    throw new AppError("provider_error", `${request.providerName} could not be reached.`);
  }
  let text: string;
  try {
    text = await response.text();
  } catch {
    record(timeout.aborted ? "timeout" : "network_error");
    throw timeout.aborted
      ? new AppError("provider_timeout", `${request.providerName} did not finish answering in time.`)
      : new AppError("provider_error", `${request.providerName} broke off its answer.`);
  }
  record(`${Math.floor(response.status / 100)}xx`);
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
 * Adapters call this for statuses they have no special meaning for.
 */
export function upstreamStatusError(providerName: string, response: UpstreamResponse): AppError {
  const error = statusError(providerName, response);
  recordUpstreamError(providerName.toLowerCase(), error.code);
  return error;
}

function statusError(providerName: string, response: UpstreamResponse): AppError {
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

export function badPayloadError(providerName: string): AppError {
  recordUpstreamError(providerName.toLowerCase(), "provider_bad_response");
  return new AppError("provider_bad_response", `${providerName} answered with data Sendboard could not read.`);
}
