// Headers for every page, built per request by proxy.ts because the CSP carries a fresh nonce
// that Next puts on its own script tags (and a share link may name one origin that frames it).
export function contentSecurityPolicy(nonce: string, options: { dev: boolean; frameAncestors?: string }): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${options.dev ? " 'unsafe-eval'" : ""}`,
    // Recharts and React set inline style attributes; styles cannot run code.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    `connect-src 'self'${options.dev ? " ws:" : ""}`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    `frame-ancestors ${options.frameAncestors ?? "'none'"}`,
  ].join("; ");
}

export const STATIC_SECURITY_HEADERS = {
  "Strict-Transport-Security": "max-age=63072000; includeSubDomains",
  "X-Content-Type-Options": "nosniff",
  "Permissions-Policy": "camera=(), microphone=(), geolocation=()",
} as const;

/** Share pages carry their token in the URL: it must never leave in a Referer header. */
export function referrerPolicyFor(pathname: string): string {
  return pathname.startsWith("/s/") ? "no-referrer" : "strict-origin-when-cross-origin";
}
