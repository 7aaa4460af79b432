import "server-only";
import { decode } from "next-auth/jwt";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { getEnv } from "@/lib/server/env";
import { AppError } from "@/lib/errors";
import { getDb } from "./db/database";
import { getSessionCaches } from "./people/session-cache";
import { findSessionUser, type SessionUser } from "./people/sessions";
import { sessionCookieName, sessionTokenFromHeader } from "./session-cookie";

export type { SessionUser };

async function cookieSessionToken(): Promise<string | undefined> {
  return (await cookies()).get(sessionCookieName(getEnv().APP_URL))?.value || undefined;
}

/** The session id inside next-auth's encrypted token, or null when it does not decrypt. */
async function decodeSessionId(token: string): Promise<string | null> {
  try {
    const payload = await decode({ token, secret: getEnv().AUTH_SECRET });
    return typeof payload?.sid === "string" ? payload.sid : null;
  } catch {
    return null;
  }
}

/**
 * The signed-in user: the cookie names a session, and the sessions table says it is still valid.
 * Route handlers pass their request, whose Cookie header is read directly; server components
 * read `cookies()`. Every API poll comes through here, so a GET may be answered from the brief
 * memory of people/session-cache.ts; a write and a page always read the row, so a changed role or a
 * removal counts from the caller's next write or page on every instance.
 */
export async function getSessionUser(request?: Request): Promise<SessionUser | null> {
  const token = request
    ? sessionTokenFromHeader(request.headers.get("cookie"), sessionCookieName(getEnv().APP_URL))
    : await cookieSessionToken();
  if (!token) return null;
  const { sessionIdByToken, userBySessionId } = getSessionCaches();
  let sid = sessionIdByToken.get(token) ?? null;
  if (!sid) {
    sid = await decodeSessionId(token);
    if (!sid) return null;
    sessionIdByToken.set(token, sid);
  }
  const cached = request?.method === "GET" ? userBySessionId.get(sid) : undefined;
  if (cached !== undefined) return cached || null;
  const user = await findSessionUser(await getDb(), sid);
  userBySessionId.set(sid, user ?? false);
  return user;
}

/** For server components: the signed-in user, or a redirect to the sign-in page. */
export async function requirePageSession(callbackPath: string): Promise<SessionUser> {
  const user = await getSessionUser();
  if (!user) redirect(`/signin?callbackUrl=${encodeURIComponent(callbackPath)}`);
  return user;
}

/** For route handlers: the signed-in user, or a 401 AppError. */
export async function requireApiSession(request?: Request): Promise<SessionUser> {
  const user = await getSessionUser(request);
  if (!user) throw new AppError("unauthorized", "Sign in to use this API.");
  return user;
}
