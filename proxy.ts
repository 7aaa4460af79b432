import { withAuth } from "next-auth/middleware";

// A convenience redirect to the sign-in page for pages. Never the only guard: every page and
// route handler checks the session itself.
export default withAuth({
  secret: process.env.AUTH_SECRET,
  pages: { signIn: "/signin" },
});

export const config = {
  matcher: ["/((?!api|_next|signin|favicon.ico|.*\\.(?:png|svg|ico|txt)$).*)"],
};
