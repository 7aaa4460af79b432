import { mutationOptions, queryOptions } from "@tanstack/react-query";
import { requestJson, requestNoContent } from "@/lib/api-client";
import { invitedUserSchema, teamUserListSchema, teamUserSchema } from "@/lib/team-user";
import type { InviteUserInput, UserRole } from "@/lib/team-user";

const USERS_PATH = "/api/users";
const userPath = (id: string) => `${USERS_PATH}/${encodeURIComponent(id)}`;

export const usersKey = ["users", { scope: "team" }] as const;

export function usersQueryOptions() {
  return queryOptions({
    queryKey: usersKey,
    queryFn: async ({ signal }) => (await requestJson(USERS_PATH, teamUserListSchema, { signal })).items,
  });
}

export function inviteUserOptions() {
  return mutationOptions({
    mutationKey: ["users", "invite"],
    mutationFn: (input: InviteUserInput) => requestJson(USERS_PATH, invitedUserSchema, { method: "POST", body: input }),
    onSuccess: (_data, _input, _result, { client }) => client.invalidateQueries({ queryKey: usersKey }),
  });
}

export function changeRoleOptions(id: string) {
  return mutationOptions({
    mutationKey: ["users", "role", id],
    mutationFn: (role: UserRole) => requestJson(userPath(id), teamUserSchema, { method: "PATCH", body: { role } }),
    onSuccess: (_data, _input, _result, { client }) => client.invalidateQueries({ queryKey: usersKey }),
  });
}

export function removeUserOptions(id: string) {
  return mutationOptions({
    mutationKey: ["users", "remove", id],
    mutationFn: () => requestNoContent(userPath(id), { method: "DELETE" }),
    onSuccess: (_data, _input, _result, { client }) => client.invalidateQueries({ queryKey: usersKey }),
  });
}

/** Public: the invite page posts the new password with the token from its URL. */
export function acceptInviteOptions(token: string) {
  return mutationOptions({
    mutationKey: ["invites", "accept"],
    mutationFn: (password: string) => requestNoContent(`/api/invites/${encodeURIComponent(token)}`, { method: "POST", body: { password } }),
  });
}
