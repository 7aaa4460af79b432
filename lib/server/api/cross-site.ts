import "server-only";
import { AppError } from "@/lib/errors";
import { bearerTokenOf } from "../security/bearer";

/** Reads change nothing: they skip the check below entirely (a GET costs one comparison). */
export function changesState(method: string): boolean {
  return method !== "GET" && method !== "HEAD" && method !== "OPTIONS";
}

/**
 * Browsers say where a request comes from: Sec-Fetch-Site, or where that is not sent, Origin. A
 * state-changing request is let through only from our own pages ("same-origin"; "none" is the
 * user's own navigation) or, by Origin, from APP_URL. SameSite=Lax alone lets a sibling subdomain
 * or another port of the same host write. A request with neither header is no browser's (a
 * script with a session): no other site can make a browser send one.
 */
export function assertSameOrigin(headers: Headers, appOrigin: string): void {
  const site = headers.get("sec-fetch-site");
  if (site !== null ? site === "same-origin" || site === "none" : isOwnOrAbsent(headers.get("origin"), appOrigin)) return;
  throw new AppError("cross_site_request", "This request came from another site, so it was refused. Use Sendboard's own pages.");
}

function isOwnOrAbsent(origin: string | null, appOrigin: string): boolean {
  return origin === null || origin === appOrigin;
}

/**
 * A script with an API token and no cookie needs no cross-site check: a browser sends no
 * Authorization header to us from another site without a CORS preflight, which we never answer,
 * and nothing of the victim's rides along. A request with any cookie keeps the check.
 */
export function isCookielessBearer(headers: Headers): boolean {
  return headers.get("cookie") === null && bearerTokenOf(headers) !== null;
}
