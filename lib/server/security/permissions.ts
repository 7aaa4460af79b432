import "server-only";
import { AppError } from "@/lib/errors";
import { USER_ROLES, type UserRole } from "@/lib/team-user";

export const ROLES = USER_ROLES;
export type Role = UserRole;

export const ACTIONS = [
  "connections:manage",
  "users:manage",
  "boards:read",
  "boards:write",
  "batches:read",
  "batches:label",
  "share-links:manage",
  "share-links:revoke-any",
  "watched:manage",
  "sends:act",
  "auto-watch:manage",
  "audit:read",
  "alerts:manage",
] as const;
export type Action = (typeof ACTIONS)[number];

/**
 * Who is asking: what a permission depends on, and the email a record names its author by.
 * `kind` is "token" for an API token acting for the team; absent, a signed-in person.
 */
export type Actor = { id: string; role: Role; teamId: string; email: string; kind?: "user" | "token" };
export type TeamResource = { teamId: string };

const MEMBER: readonly Action[] = ["boards:read", "boards:write", "batches:read", "batches:label", "share-links:manage", "watched:manage"];

// An operator is a member who may also act on sends (pause, resume, cancel, stop) and set what
// boards follow (auto-watch, which puts sends on walls with nobody looking); people,
// connections and the activity log stay the admins'.
const ALLOWED = {
  admin: new Set<Action>(ACTIONS),
  operator: new Set<Action>([...MEMBER, "sends:act", "auto-watch:manage"]),
  member: new Set<Action>(MEMBER),
} satisfies Record<Role, ReadonlySet<Action>>;

const DESCRIPTIONS = {
  "connections:manage": "manage provider connections",
  "users:manage": "manage users",
  "boards:read": "view this board",
  "boards:write": "change this board",
  "batches:read": "view this batch",
  "batches:label": "rename this batch",
  "share-links:manage": "manage share links",
  "share-links:revoke-any": "revoke share links other people made",
  "watched:manage": "change the watched list",
  "sends:act": "act on sends",
  "auto-watch:manage": "change what boards follow",
  "audit:read": "see the team's activity",
  "alerts:manage": "manage alerts",
} satisfies Record<Action, string>;

/** Pure check: the role allows the action, and the resource (when given) is in the actor's team. */
export function can(user: Actor, action: Action, resource?: TeamResource): boolean {
  if (resource && resource.teamId !== user.teamId) return false;
  // A role or action that arrived unchecked from storage must deny, not throw.
  const allowed: ReadonlySet<Action> | undefined = Object.hasOwn(ALLOWED, user.role)
    ? ALLOWED[user.role]
    : undefined;
  return allowed?.has(action) ?? false;
}

export function assertCan(user: Actor, action: Action, resource?: TeamResource): void {
  if (can(user, action, resource)) return;
  const what = Object.hasOwn(DESCRIPTIONS, action) ? DESCRIPTIONS[action] : "do this";
  throw new AppError("forbidden", `You do not have permission to ${what}.`);
}
