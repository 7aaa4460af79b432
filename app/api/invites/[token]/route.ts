import { acceptInviteSchema } from "@/lib/team-user";
import { getDb } from "@/lib/server/db/database";
import { emptyResponse, errorResponse, readJsonBody } from "@/lib/server/api/response";
import { parseInput } from "@/lib/server/api/input";
import { acceptInvite } from "@/lib/server/people/invites";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ token: string }> };

// POST /api/invites/{token} — set the password {password} and spend the invite. Public: the token
// is the proof. Unknown or used → 404 not_found, expired → 410 invite_expired.
export async function POST(request: Request, context: Context): Promise<Response> {
  try {
    const { token } = await context.params;
    const { password } = parseInput(acceptInviteSchema, await readJsonBody(request));
    await acceptInvite(await getDb(), token, password);
    return emptyResponse();
  } catch (error) {
    return errorResponse(error);
  }
}
