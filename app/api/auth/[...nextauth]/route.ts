import NextAuth from "next-auth";
import { withApi } from "@/lib/server/api";
import { getAuthOptions } from "@/lib/server/auth-options";

export const dynamic = "force-dynamic";

// GET|POST /api/auth/* — next-auth (sign-in, sign-out, session, CSRF)
const handler = withApi<{ nextauth: string[] }>(async ({ request, params }) =>
  NextAuth(getAuthOptions())(request, { params }),
);

export { handler as GET, handler as POST };
