import NextAuth from "next-auth";
import { getAuthOptions } from "@/lib/server/auth-options";

export const dynamic = "force-dynamic";

// GET|POST /api/auth/* — next-auth (sign-in, sign-out, session, CSRF)
async function handler(request: Request, context: { params: Promise<{ nextauth: string[] }> }) {
  return NextAuth(getAuthOptions())(request, { params: await context.params });
}

export { handler as GET, handler as POST };
