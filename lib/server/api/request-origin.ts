import "server-only";

const HOST = /^[A-Za-z0-9.-]+(:\d{1,5})?$|^\[[0-9A-Fa-f:.]+\](:\d{1,5})?$/;

/**
 * The origin the browser used, for links people copy from this server. Next's request.url names
 * the address it listens on (localhost), not the one the browser typed; the Host header (or a
 * proxy's X-Forwarded-Host) does. Only the caller's own answer depends on it.
 */
export function requestOrigin(request: Request): string {
  const url = new URL(request.url);
  const host = firstValue(request.headers.get("x-forwarded-host")) ?? request.headers.get("host");
  const proto = firstValue(request.headers.get("x-forwarded-proto"));
  const protocol = proto === "https" || proto === "http" ? proto : url.protocol.replace(":", "");
  return host && HOST.test(host) ? `${protocol}://${host}` : url.origin;
}

function firstValue(header: string | null): string | undefined {
  return header?.split(",")[0]?.trim() || undefined;
}
