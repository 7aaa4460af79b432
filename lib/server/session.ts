import "server-only";
import { getServerSession } from "next-auth";
import { redirect } from "next/navigation";
import { AppError } from "@/lib/errors";
import { getAuthOptions } from "./auth-options";

export type SessionUser = { id: string; teamId: string; role: "admin" | "member"; email: string; name: string };

export async function getSessionUser(): Promise<SessionUser | null> {
  const session = await getServerSession(getAuthOptions());
  const email = session?.user?.email;
  if (!email) return null;
  return { id: "admin", teamId: "default", role: "admin", email, name: session.user?.name ?? email };
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
