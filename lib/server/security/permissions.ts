import "server-only";
import { AppError } from "@/lib/errors";
import type { ApiTokenRole } from "@/lib/api-token";
import { USER_ROLES, type UserRole } from "@/lib/team-user";

export const ROLES = USER_ROLES;
export type Role = UserRole;

export const ACTIONS = [
  "connections:manage",
  "users:manage",
  "boards:read",
  "boards:write",
  "boards:add-batch",
  "batches:read",
  "batches:label",
  "share-links:manage",
  "share-links:revoke-any",
  "watched:manage",
  "sends:act",
  "auto-watch:manage",
  "audit:read",
  "tokens:manage",
  "alerts:manage",
] as const;
export type Action = (typeof ACTIONS)[number];

/**
 * Who is asking: what a permission depends on, and the email a record names its author by.
 * `kind` is "token" for an API token acting for the team; absent, a signed-in person.
 */
export type Actor = { id: string; role: Role; teamId: string; email: string; kind?: "user" | "token" };
export type TeamResource = { teamId: string };

// boards:add-batch is part of boards:write for people; it is its own action so an operator token
// can put batches on boards without renaming, emptying or deleting them.
const MEMBER: readonly Action[] = ["boards:read", "boards:write", "boards:add-batch", "batches:read", "batches:label", "share-links:manage", "watched:manage"];

// An operator is a member who may also act on sends (pause, resume, cancel, stop) and set what
// boards follow (auto-watch, which puts sends on walls with nobody looking); people,
// connections and the activity log stay the admins'.
const ALLOWED = {
  admin: new Set<Action>(ACTIONS),
  operator: new Set<Action>([...MEMBER, "sends:act", "auto-watch:manage"]),
  member: new Set<Action>(MEMBER),
} satisfies Record<Role, ReadonlySet<Action>>;

// An API token has its own, narrower table: never what a person alone should do (people,
// connections, tokens, the activity log) nor anything that hands out access (share links, which
// reach walls) or shapes what the team sees (labels, the watched list, auto-watch). A member
// token reads; an operator token may also act on sends and add batches to boards.
const TOKEN_READ: readonly Action[] = ["boards:read", "batches:read"];
const TOKEN_ALLOWED = {
  member: new Set<Action>(TOKEN_READ),
  operator: new Set<Action>([...TOKEN_READ, "sends:act", "boards:add-batch"]),
} satisfies Record<ApiTokenRole, ReadonlySet<Action>>;

const DESCRIPTIONS = {
  "connections:manage": "manage provider connections",
  "users:manage": "manage users",
  "boards:read": "view this board",
  "boards:write": "change this board",
  "boards:add-batch": "add batches to this board",
  "batches:read": "view this batch",
  "batches:label": "rename this batch",
  "share-links:manage": "manage share links",
  "share-links:revoke-any": "revoke share links other people made",
  "watched:manage": "change the watched list",
  "sends:act": "act on sends",
  "auto-watch:manage": "change what boards follow",
  "audit:read": "see the team's activity",
  "tokens:manage": "manage API tokens",
  "alerts:manage": "manage alerts",
} satisfies Record<Action, string>;

/** Pure check: the role allows the action, and the resource (when given) is in the actor's team. */
export function can(user: Actor, action: Action, resource?: TeamResource): boolean {
  if (resource && resource.teamId !== user.teamId) return false;
  // A role or action that arrived unchecked from storage must deny, not throw.
  const table: Partial<Record<string, ReadonlySet<Action>>> = user.kind === "token" ? TOKEN_ALLOWED : ALLOWED;
  const allowed = Object.hasOwn(table, user.role) ? table[user.role] : undefined;
  return allowed?.has(action) ?? false;
}

export function assertCan(user: Actor, action: Action, resource?: TeamResource): void {
  if (can(user, action, resource)) return;
  const what = Object.hasOwn(DESCRIPTIONS, action) ? DESCRIPTIONS[action] : "do this";
  throw new AppError("forbidden", `You do not have permission to ${what}.`);
}
