import { acceptInviteSchema } from "@/lib/team-user";
import { emptyResponse, parseBody, publicContext, withApi } from "@/lib/server/api";
import { acceptInvite } from "@/lib/server/people";

export const dynamic = "force-dynamic";

// POST /api/invites/{token} — set the password {password} and spend the invite. Public: the token
// is the proof. Unknown or used → 404 not_found, expired → 410 invite_expired.
export const POST = withApi<{ token: string }>(async ({ request, params }) => {
  const { password } = await parseBody(request, acceptInviteSchema);
  await acceptInvite(await publicContext(), { token: params.token, password });
  return emptyResponse();
});
