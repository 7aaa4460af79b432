import { inviteUserSchema } from "@/lib/team-user";
import { getDb } from "@/lib/server/db/database";
import { jsonResponse, readJsonBody } from "@/lib/server/api/response";
import { withSession } from "@/lib/server/api/with-api";
import { parseInput } from "@/lib/server/api/input";
import { inviteUrlFor } from "@/lib/server/people/invite-url";
import { inviteUser, listTeamUsers } from "@/lib/server/people/team-users";
import { assertCan } from "@/lib/server/security/permissions";

export const dynamic = "force-dynamic";

// GET /api/users — the people of the caller's team (admins only)
export const GET = withSession(async ({ user }) => {
  assertCan(user, "users:manage");
  const items = await listTeamUsers(await getDb(), user.teamId);
  return jsonResponse({ items });
});

// POST /api/users — invite {email, name, role} → {user, inviteUrl}; the link is shown this once (admins only)
export const POST = withSession(async ({ request, user }) => {
  assertCan(user, "users:manage");
  const input = parseInput(inviteUserSchema, await readJsonBody(request));
  const invited = await inviteUser(await getDb(), user.teamId, input);
  return jsonResponse({ user: invited.user, inviteUrl: inviteUrlFor(request, invited.token) }, 201);
});
