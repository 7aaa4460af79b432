import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { setTimeout as sleep } from "node:timers/promises";
import { z } from "zod";
import { getEnv } from "@/lib/server/env";
import { authLogger } from "./auth-logger";
import { getDb } from "./db/database";
import { getLogger } from "./logger";
import { createSession, revokeSession, SESSION_LIFETIME_MS } from "./people/sessions";
import { findUserByEmail, normalizeEmail } from "./people/users";
import { verifyPassword } from "./security/passwords";
import { checkSignIn, recordSignInFailure, recordSignInSuccess } from "./security/sign-in-throttle";
import { isSecureAppUrl, sessionCookieName } from "./session-cookie";
import { findUserIdBySsoSubject, signInWithSso, SSO_PROVIDER_ID, ssoProvider, ssoSettingsFrom, ssoSubjectOf } from "./sso";

declare module "next-auth/jwt" {
  interface JWT {
    sid?: string;
  }
}

const credentialsSchema = z.object({ email: z.string().trim().toLowerCase().max(320), password: z.string().max(200) });

/** What next-auth reports when a sign-in was refused by the throttle (its route then answers 429). */
export const TOO_MANY_ATTEMPTS = "TooManyAttempts";

/** One sign-in request: who is asking, and, once the throttle refused them, for how long. */
export type SignInRequest = { address: string; retryAfterSeconds: number | null };

export class SignInThrottled extends Error {
  constructor(readonly retryAfterSeconds: number) {
    super(TOO_MANY_ATTEMPTS);
    this.name = "SignInThrottled";
  }
}

type SignedInUser = { id: string; email: string; name: string };

/**
 * The credentials check: throttled per address and per (account, address), slowed per account,
 * and one log line per attempt with the email, the address and the outcome (never the password).
 */
export async function authorizeCredentials(input: unknown, address: string, now = new Date()): Promise<SignedInUser | null> {
  const parsed = credentialsSchema.safeParse(input);
  if (!parsed.success) return null;
  const attempt = { email: normalizeEmail(parsed.data.email), address };
  const log = (outcome: "success" | "failure" | "throttled" | "password_sign_in_off") => getLogger().info({ event: "sign_in", outcome, ...attempt }, "sign-in");
  const db = await getDb();
  const verdict = await checkSignIn(db, attempt, now);
  if (!verdict.allowed) {
    log("throttled");
    throw new SignInThrottled(verdict.retryAfterSeconds);
  }
  if (verdict.delayMs > 0) await sleep(verdict.delayMs);
  const { PASSWORD_SIGN_IN, ADMIN_EMAIL } = getEnv();
  if (PASSWORD_SIGN_IN === "off" && attempt.email !== normalizeEmail(ADMIN_EMAIL)) {
    // Refused like a wrong password, as slowly, and counted by the throttle: only the recovery
    // account may use one, and the answer does not tell who has an account.
    await verifyPassword(parsed.data.password, null);
    await recordSignInFailure(db, attempt, now);
    log("password_sign_in_off");
    return null;
  }
  const user = await findUserByEmail(db, attempt.email);
  // Verified even for an unknown email so the answer takes as long either way.
  const valid = await verifyPassword(parsed.data.password, user?.password_hash ?? null);
  if (!user || !valid) {
    await recordSignInFailure(db, attempt, now);
    log("failure");
    return null;
  }
  await recordSignInSuccess(db, attempt);
  log("success");
  return { id: user.id, email: user.email, name: user.name };
}

/**
 * A getter, not a constant: reading the env at import time would run before start-up validation.
 * `signIn` is the request's, for the credentials check; routes that never sign in leave it out.
 */
export function getAuthOptions(signIn: SignInRequest = { address: "unknown", retryAfterSeconds: null }): NextAuthOptions {
  const env = getEnv();
  const { AUTH_SECRET, APP_URL } = env;
  const sso = ssoSettingsFrom(env);
  // next-auth takes its base URL from NEXTAUTH_URL alone (else from the request's Host, with a
  // warning): APP_URL is the one setting, so it is copied there.
  process.env.NEXTAUTH_URL = APP_URL;
  const secure = isSecureAppUrl(APP_URL);
  return {
    secret: AUTH_SECRET,
    logger: authLogger,
    session: { strategy: "jwt", maxAge: SESSION_LIFETIME_MS / 1000 },
    useSecureCookies: secure,
    cookies: {
      sessionToken: { name: sessionCookieName(APP_URL), options: { httpOnly: true, sameSite: "lax", path: "/", secure } },
    },
    // Errors (a tampered or stale OIDC answer: OAuthCallback) land on the sign-in page, which words them.
    pages: { signIn: "/signin", error: "/signin" },
    providers: [
      CredentialsProvider({
        name: "Email and password",
        credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
        authorize: async (credentials) => {
          try {
            return await authorizeCredentials(credentials, signIn.address);
          } catch (error) {
            if (error instanceof SignInThrottled) signIn.retryAfterSeconds = error.retryAfterSeconds;
            throw error;
          }
        },
      }),
      ...(sso ? [ssoProvider(sso)] : []),
    ],
    callbacks: {
      // SSO: the claims' rules and the person (created or updated) before any session exists.
      signIn: async ({ account, profile }) => {
        if (account?.provider !== SSO_PROVIDER_ID || !sso) return true;
        const verdict = await signInWithSso(await getDb(), { ...profile }, sso, env.ADMIN_EMAIL);
        return verdict === true ? true : `${APP_URL}${verdict}`;
      },
      // Each sign-in gets a server-side session row; the cookie only carries its id, so
      // signing out or removing the user ends the session everywhere.
      // An SSO user's id is the provider's subject: the session belongs to the person linked to it.
      jwt: async ({ token, user, account, profile }) => {
        if (!user) return token;
        const db = await getDb();
        const userId = account?.provider === SSO_PROVIDER_ID ? await findUserIdBySsoSubject(db, ssoSubjectOf({ ...profile }) ?? "") : user.id;
        if (!userId) throw new Error("sso_person_missing");
        token.sid = await createSession(db, userId);
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
