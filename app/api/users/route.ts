import { inviteUserSchema } from "@/lib/team-user";
import { appOrigin, jsonResponse, parseBody, withSession } from "@/lib/server/api";
import { inviteUser, listTeamUsers } from "@/lib/server/people";

export const dynamic = "force-dynamic";

// GET /api/users — the people of the caller's team (admins only)
export const GET = withSession(async ({ ctx }) => {
  return jsonResponse({ items: await listTeamUsers(ctx) });
});

// POST /api/users — invite {email, name, role} → {user, inviteUrl}; the link is shown this once (admins only)
export const POST = withSession(async ({ ctx, request }) => {
  const input = await parseBody(request, inviteUserSchema);
  const { user, inviteUrl } = await inviteUser(ctx, { ...input, origin: appOrigin() });
  return jsonResponse({ user, inviteUrl }, 201);
});
