import "server-only";

export { acceptInvite, findInvite } from "./invites";
export type { InviteLookup } from "./invites";
export { changeUserRole, inviteUser, listTeamUsers, removeUser } from "./team-users";
