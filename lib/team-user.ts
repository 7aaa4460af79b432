import { z } from "zod/mini";
import { noControlCharacters } from "./plain-text";

// Client-safe: the people of a team as the settings page, the route handlers and the invite
// page see them. Never a password hash or an invite token hash.

// The one list of roles: the server's permission table (security/permissions.ts) is keyed by it.
export const USER_ROLES = ["admin", "operator", "member"] as const;
export const userRoleSchema = z.enum(USER_ROLES);
export type UserRole = z.infer<typeof userRoleSchema>;

export const ROLE_LABELS = { admin: "Admin", operator: "Operator", member: "Member" } as const satisfies Record<UserRole, string>;

export function isUserRole(value: string): value is UserRole {
  return (USER_ROLES as readonly string[]).includes(value);
}

export const USER_STATUSES = ["active", "invited", "invite_expired"] as const;

export const teamUserSchema = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  role: userRoleSchema,
  status: z.enum(USER_STATUSES),
  inviteExpiresAt: z.nullable(z.string()),
  createdAt: z.string(),
});
export type TeamUser = z.infer<typeof teamUserSchema>;

export const teamUserListSchema = z.object({ items: z.array(teamUserSchema) });

export const inviteUserSchema = z.strictObject({
  email: z.pipe(z.string().check(z.trim(), z.toLowerCase(), z.maxLength(320)), z.email("Enter an email address.")),
  name: z.string().check(z.trim(), z.minLength(1, "Enter a name."), z.maxLength(80, "Keep the name under 80 characters."), noControlCharacters()),
  role: userRoleSchema,
});
export type InviteUserInput = z.infer<typeof inviteUserSchema>;

/** The link is in this answer only: the server keeps just a hash of its token. */
export const invitedUserSchema = z.object({ user: teamUserSchema, inviteUrl: z.string() });
export type InvitedUser = z.infer<typeof invitedUserSchema>;

export const updateUserSchema = z.strictObject({ role: userRoleSchema });

// One rule for every password: invited users', the server's (passwordSchema) and ADMIN_PASSWORD
// in the environment; here, so the form can say so before sending.
export const PASSWORD_MIN_LENGTH = 10;
export const acceptInviteSchema = z.strictObject({
  password: z.string().check(
    z.minLength(PASSWORD_MIN_LENGTH, `Use at least ${PASSWORD_MIN_LENGTH} characters.`),
    z.maxLength(200, "Use at most 200 characters."),
  ),
});
