import "server-only";
import { getServerSession } from "next-auth";
import { redirect } from "next/navigation";
import { AppError } from "@/lib/errors";
import { getAuthOptions } from "./auth-options";
import { getDb } from "./db/database";
import { findSessionUser, type SessionUser } from "./people/sessions";

export type { SessionUser };

/** The signed-in user, checked against the sessions table on every call (not just the cookie). */
export async function getSessionUser(): Promise<SessionUser | null> {
  const session = await getServerSession(getAuthOptions());
  if (!session?.sid) return null;
  return findSessionUser(await getDb(), session.sid);
}

/** For server components: the signed-in user, or a redirect to the sign-in page. */
export async function requirePageSession(callbackPath: string): Promise<SessionUser> {
  const user = await getSessionUser();
  if (!user) redirect(`/signin?callbackUrl=${encodeURIComponent(callbackPath)}`);
  return user;
}

/** For route handlers: the signed-in user, or a 401 AppError. */
export async function requireApiSession(): Promise<SessionUser> {
  const user = await getSessionUser();
  if (!user) throw new AppError("unauthorized", "Sign in to use this API.");
  return user;
}
