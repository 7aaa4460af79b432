import NextAuth from "next-auth";
import type { NextRequest } from "next/server";
import { withApi } from "@/lib/server/api";
import { getAuthOptions } from "@/lib/server/auth-options";
import { signInRequestFor, tooManyAttempts, withCappedAuthBody } from "@/lib/server/sign-in-request";

export const dynamic = "force-dynamic";

// GET|POST /api/auth/* — next-auth (sign-in, sign-out, session, CSRF); a throttled sign-in is 429 too_many_attempts
const handler = withApi<{ nextauth: string[] }>(async ({ request, params }) => {
  const signIn = signInRequestFor(request);
  const response = await NextAuth(getAuthOptions(signIn))(await withCappedAuthBody(request as NextRequest), { params });
  if (signIn.retryAfterSeconds !== null) throw tooManyAttempts(signIn.retryAfterSeconds);
  return response;
});

export { handler as GET, handler as POST };
