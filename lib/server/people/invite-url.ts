import "server-only";

const HOST_PATTERN = /^([A-Za-z0-9.-]+|\[[0-9A-Fa-f:.]+\])(:\d{1,5})?$/;

/**
 * The set-password link as the admin's browser can open it. Next's request.url may name the
 * server's own host (localhost) rather than the one the browser used, so the Host header (or a
 * proxy's X-Forwarded-Host) decides; it comes from the admin's own request.
 */
export function inviteUrlFor(request: Request, token: string): string {
  const fallback = new URL(request.url);
  const host = firstValue(request.headers.get("x-forwarded-host")) ?? firstValue(request.headers.get("host"));
  const proto = firstValue(request.headers.get("x-forwarded-proto"));
  const protocol = proto === "http" || proto === "https" ? `${proto}:` : fallback.protocol;
  const origin = host && HOST_PATTERN.test(host) ? `${protocol}//${host}` : fallback.origin;
  return `${origin}/invite/${encodeURIComponent(token)}`;
}

function firstValue(header: string | null): string | undefined {
  const value = header?.split(",")[0]?.trim();
  return value ? value : undefined;
}
