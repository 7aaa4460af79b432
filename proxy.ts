import { getToken } from "next-auth/jwt";
import { NextResponse, type NextRequest } from "next/server";
import { PATHNAME_HEADER } from "@/lib/chromeless";
import { contentSecurityPolicy, referrerPolicyFor, STATIC_SECURITY_HEADERS } from "@/lib/security-headers";
import { sessionCookieName } from "@/lib/server/session-cookie";
import { frameAncestorsForShareToken } from "@/lib/server/share-links/frame-ancestors";

// Pages anyone may open: signing in (and why SSO refused it), a share link, an invitation.
const SHARE_PAGE = /^\/s\/([^/]+)$/;
const PUBLIC_PAGES = [/^\/signin$/, /^\/signin\/refused$/, SHARE_PAGE, /^\/invite\/[^/]+$/];

/** A valid share link may name one origin allowed to frame it; every other page: 'none'. */
async function frameAncestorsFor(pathname: string): Promise<string | undefined> {
  const token = SHARE_PAGE.exec(pathname)?.[1];
  return token ? ((await frameAncestorsForShareToken(token)) ?? undefined) : undefined;
}

function withSecurityHeaders(request: NextRequest, frameAncestors: string | undefined): NextResponse {
  const nonce = Buffer.from(crypto.randomUUID()).toString("base64");
  const csp = contentSecurityPolicy(nonce, { dev: process.env.NODE_ENV === "development", frameAncestors });
  // Next reads the nonce from the request's CSP header and puts it on its own script tags.
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("Content-Security-Policy", csp);
  // Lets the root layout leave its header off the wall screens (see lib/chromeless.ts).
  requestHeaders.set(PATHNAME_HEADER, request.nextUrl.pathname);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("Content-Security-Policy", csp);
  response.headers.set("Referrer-Policy", referrerPolicyFor(request.nextUrl.pathname));
  for (const [name, value] of Object.entries(STATIC_SECURITY_HEADERS)) response.headers.set(name, value);
  return response;
}

// Security headers on every page, and a convenience redirect to the sign-in page. Never the
// only guard: every page and route handler checks the session (and its database row) itself.
export async function proxy(request: NextRequest): Promise<NextResponse> {
  const { pathname, search } = request.nextUrl;
  if (!PUBLIC_PAGES.some((pattern) => pattern.test(pathname))) {
    const cookieName = sessionCookieName(process.env.APP_URL ?? "");
    const token = await getToken({ req: request, secret: process.env.AUTH_SECRET, cookieName });
    if (!token) {
      const signIn = new URL("/signin", request.nextUrl.origin);
      signIn.searchParams.set("callbackUrl", `${pathname}${search}`);
      return NextResponse.redirect(signIn);
    }
  }
  return withSecurityHeaders(request, await frameAncestorsFor(pathname));
}

export const config = {
  matcher: ["/((?!api|_next/static|_next/image|favicon.ico|icon.svg).*)"],
};
