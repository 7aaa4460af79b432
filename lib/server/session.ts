import "server-only";
import { decode } from "next-auth/jwt";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { getEnv } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { getDb } from "./db/database";
import { getSessionCaches } from "./people/session-cache";
import { findSessionUser, type SessionUser } from "./people/sessions";
import { SESSION_COOKIES, sessionTokenFromHeader } from "./session-cookie";

export type { SessionUser };

async function sessionToken(request?: Request): Promise<string | undefined> {
  if (request) return sessionTokenFromHeader(request.headers.get("cookie"));
  const store = await cookies();
  return SESSION_COOKIES.map((name) => store.get(name)?.value).find(Boolean);
}

async function sessionIdFromCookie(request?: Request): Promise<string | null> {
  const token = await sessionToken(request);
  if (!token) return null;
  const { sessionIdByToken } = getSessionCaches();
  const cached = sessionIdByToken.get(token);
  if (cached) return cached;
  try {
    const payload = await decode({ token, secret: getEnv().AUTH_SECRET });
    const sid = typeof payload?.sid === "string" ? payload.sid : null;
    if (sid) sessionIdByToken.set(token, sid);
    return sid;
  } catch {
    return null;
  }
}

/**
 * The signed-in user: the cookie names a session, and the sessions table says it is still valid.
 * Route handlers pass their request, whose Cookie header is read directly (cheaper than
 * `cookies()` on a path every viewer polls); server components read `cookies()`.
 */
export async function getSessionUser(request?: Request): Promise<SessionUser | null> {
  const sid = await sessionIdFromCookie(request);
  if (!sid) return null;
  const { userBySessionId } = getSessionCaches();
  const cached = userBySessionId.get(sid);
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
