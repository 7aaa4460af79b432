// The session cookie's name follows APP_URL: over https it is Secure and __Host- prefixed, so
// neither plain http nor a sibling subdomain can set or replace it. Only that one name is read.
export const SESSION_COOKIE = "next-auth.session-token";
export const SECURE_SESSION_COOKIE = "__Host-next-auth.session-token";

export function isSecureAppUrl(appUrl: string): boolean {
  return /^https:\/\//i.test(appUrl);
}

export function sessionCookieName(appUrl: string): string {
  return isSecureAppUrl(appUrl) ? SECURE_SESSION_COOKIE : SESSION_COOKIE;
}

/** The session token in a Cookie header, under `name` (see sessionCookieName). */
export function sessionTokenFromHeader(header: string | null, name: string): string | undefined {
  if (!header) return undefined;
  for (const pair of header.split(";")) {
    const at = pair.indexOf("=");
    if (at > 0 && pair.slice(0, at).trim() === name) return pair.slice(at + 1).trim() || undefined;
  }
  return undefined;
}
