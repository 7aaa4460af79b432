import "server-only";

export { acceptInvite, findInvite } from "./invites";
export type { InviteLookup } from "./invites";
export { changeUserRole, inviteUser, listTeamUsers, removeUser } from "./team-users";
// For single sign-on (lib/server/sso), which finds and creates people as the provider says.
export { forgetCachedSessionUsers } from "./session-cache";
export { findUserByEmail, normalizeEmail } from "./users";
export type { UserRow } from "./users";
