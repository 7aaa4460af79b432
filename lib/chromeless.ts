// proxy.ts passes the request path to the root layout in this header.
export const PATHNAME_HEADER = "x-sendboard-pathname";

/** The wall screen and share links: full-screen pages with nothing else on them. */
export function isChromelessPath(pathname: string | null): boolean {
  return pathname !== null && (/^\/s\/[^/]+$/.test(pathname) || /^\/boards\/[^/]+\/wall$/.test(pathname));
}
