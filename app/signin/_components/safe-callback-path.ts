// Where to go after signing in. Only paths on this site are honoured: an absolute or
// protocol-relative URL in `callbackUrl` would make the sign-in page an open redirect.
const BASE = "http://sendboard.invalid";
const FALLBACK = "/";

export function safeCallbackPath(raw: string | string[] | null | undefined): string {
  const value = Array.isArray(raw) ? raw[0] : raw;
  if (!value || !value.startsWith("/") || value.startsWith("//")) return FALLBACK;
  // Browsers read "\" as "/", and control characters can hide either.
  if (/[\\\u0000-\u001f\u007f]/.test(value)) return FALLBACK;
  let url: URL;
  try {
    url = new URL(value, BASE);
  } catch {
    return FALLBACK;
  }
  if (url.origin !== BASE) return FALLBACK;
  // Going back to the sign-in page or to a JSON endpoint after signing in helps no one.
  if (url.pathname === "/signin" || url.pathname.startsWith("/signin/") || url.pathname.startsWith("/api/")) return FALLBACK;
  return `${url.pathname}${url.search}${url.hash}`;
}
