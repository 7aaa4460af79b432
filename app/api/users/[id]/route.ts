import { z } from "zod/mini";
import { getEnv } from "@/lib/env";
import { updateUserSchema } from "@/lib/team-user";
import { getDb } from "@/lib/server/db/database";
import { emptyResponse, jsonResponse, readJsonBody } from "@/lib/server/api/response";
import { withSession } from "@/lib/server/api/with-api";
import type { SessionUser } from "@/lib/server/session";
import { parseInput } from "@/lib/server/api/input";
import { changeUserRole, removeUser } from "@/lib/server/people/team-users";
import { assertCan } from "@/lib/server/security/permissions";

export const dynamic = "force-dynamic";

const userIdSchema = z.uuid("Not a user id.");
const adminOf = (user: SessionUser) => ({ actorId: user.id, teamId: user.teamId, bootstrapEmail: getEnv().ADMIN_EMAIL });

// PATCH /api/users/{id} — change the role {role} (admins only; not your own)
export const PATCH = withSession<{ id: string }>(async ({ request, params, user }) => {
  assertCan(user, "users:manage");
  const id = parseInput(userIdSchema, params.id);
  const { role } = parseInput(updateUserSchema, await readJsonBody(request));
  return jsonResponse(await changeUserRole(await getDb(), adminOf(user), id, role));
});

// DELETE /api/users/{id} — remove the user and end their sessions (admins only; not yourself)
export const DELETE = withSession<{ id: string }>(async ({ params, user }) => {
  assertCan(user, "users:manage");
  const id = parseInput(userIdSchema, params.id);
  await removeUser(await getDb(), adminOf(user), id);
  return emptyResponse();
});
