import { updateUserSchema } from "@/lib/team-user";
import { emptyResponse, jsonResponse, parseBody, parseUuid, withSession } from "@/lib/server/api";
import { changeUserRole, removeUser } from "@/lib/server/people";

export const dynamic = "force-dynamic";

// PATCH /api/users/{id} — change the role {role} (admins only; not your own)
export const PATCH = withSession<{ id: string }>(async ({ ctx, request, params }) => {
  const userId = parseUuid(params.id, "user");
  const { role } = await parseBody(request, updateUserSchema);
  return jsonResponse(await changeUserRole(ctx, { userId, role }));
});

// DELETE /api/users/{id} — remove the user and end their sessions (admins only; not yourself)
export const DELETE = withSession<{ id: string }>(async ({ ctx, params }) => {
  await removeUser(ctx, { userId: parseUuid(params.id, "user") });
  return emptyResponse();
});
