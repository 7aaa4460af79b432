import "server-only";
import { timingSafeEqual, createHash } from "node:crypto";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { z } from "zod";
import { getEnv } from "@/lib/env";

const credentialsSchema = z.object({ email: z.string().trim().toLowerCase(), password: z.string() });

/** Compare digests so the time taken does not depend on where two secrets first differ. */
function equalSecrets(a: string, b: string): boolean {
  const digest = (value: string) => createHash("sha256").update(value).digest();
  return timingSafeEqual(digest(a), digest(b));
}

export function checkAdminCredentials(input: unknown): { id: string; email: string; name: string } | null {
  const parsed = credentialsSchema.safeParse(input);
  if (!parsed.success) return null;
  const env = getEnv();
  const emailMatches = equalSecrets(parsed.data.email, env.ADMIN_EMAIL.toLowerCase());
  const passwordMatches = equalSecrets(parsed.data.password, env.ADMIN_PASSWORD);
  if (!emailMatches || !passwordMatches) return null;
  return { id: "admin", email: env.ADMIN_EMAIL, name: "Admin" };
}

// A getter, not a constant: reading the env at import time would run before start-up validation.
export function getAuthOptions(): NextAuthOptions {
  return {
    secret: getEnv().AUTH_SECRET,
    session: { strategy: "jwt", maxAge: 12 * 60 * 60 },
    pages: { signIn: "/signin" },
    providers: [
      CredentialsProvider({
        name: "Email and password",
        credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
        authorize: async (credentials) => checkAdminCredentials(credentials),
      }),
    ],
  };
}
