import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { z } from "zod";
import { getEnv } from "@/lib/server/env";
import { getDb } from "./db/database";
import { createSession, revokeSession, SESSION_LIFETIME_MS } from "./people/sessions";
import { findUserByEmail } from "./people/users";
import { verifyPassword } from "./security/passwords";
import { getSignInLimiter } from "./security/rate-limit";
import { isSecureAppUrl, sessionCookieName } from "./session-cookie";

declare module "next-auth/jwt" {
  interface JWT {
    sid?: string;
  }
}

const credentialsSchema = z.object({ email: z.string().trim().toLowerCase().max(320), password: z.string().max(200) });

/** Shown by the sign-in form when the limiter refuses an attempt. */
export const TOO_MANY_ATTEMPTS = "TooManyAttempts";

function clientIp(headers: Record<string, unknown> | undefined): string {
  const forwarded = headers?.["x-forwarded-for"];
  return typeof forwarded === "string" && forwarded ? forwarded.split(",")[0]!.trim() : "direct";
}

export async function authorizeCredentials(input: unknown, ip: string, now = new Date()) {
  const parsed = credentialsSchema.safeParse(input);
  if (!parsed.success) return null;
  const attempt = { email: parsed.data.email, ip };
  const limiter = getSignInLimiter();
  if (limiter.isLimited(attempt, now) > 0) throw new Error(TOO_MANY_ATTEMPTS);
  const db = await getDb();
  const user = await findUserByEmail(db, parsed.data.email);
  // Verified even for an unknown email so the answer takes as long either way.
  const valid = await verifyPassword(parsed.data.password, user?.password_hash ?? null);
  if (!user || !valid) {
    limiter.recordFailure(attempt, now);
    return null;
  }
  limiter.recordSuccess(attempt);
  return { id: user.id, email: user.email, name: user.name };
}

// A getter, not a constant: reading the env at import time would run before start-up validation.
export function getAuthOptions(): NextAuthOptions {
  const { AUTH_SECRET, APP_URL } = getEnv();
  // next-auth takes its base URL from NEXTAUTH_URL alone (else from the request's Host, with a
  // warning): APP_URL is the one setting, so it is copied there.
  process.env.NEXTAUTH_URL = APP_URL;
  const secure = isSecureAppUrl(APP_URL);
  return {
    secret: AUTH_SECRET,
    session: { strategy: "jwt", maxAge: SESSION_LIFETIME_MS / 1000 },
    useSecureCookies: secure,
    cookies: {
      sessionToken: { name: sessionCookieName(APP_URL), options: { httpOnly: true, sameSite: "lax", path: "/", secure } },
    },
    pages: { signIn: "/signin" },
    providers: [
      CredentialsProvider({
        name: "Email and password",
        credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
        authorize: async (credentials, request) => authorizeCredentials(credentials, clientIp(request?.headers)),
      }),
    ],
    callbacks: {
      // Each sign-in gets a server-side session row; the cookie only carries its id, so
      // signing out or removing the user ends the session everywhere.
      jwt: async ({ token, user }) => {
        if (user) token.sid = await createSession(await getDb(), user.id);
        return token;
      },
      // GET /api/auth/session answers JavaScript: the session id stays inside the encrypted cookie.
      session: async ({ session }) => session,
    },
    events: {
      signOut: async ({ token }) => {
        if (token?.sid) await revokeSession(await getDb(), token.sid);
      },
    },
  };
}
