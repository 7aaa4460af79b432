import { z } from "zod/mini";
import { noControlCharacters } from "./plain-text";

// Client-safe: API tokens as POST/GET /api/tokens and settings → API tokens see them. Never the
// token itself, except in the one answer that creates it.

/** member reads; operator may also act on sends and add batches to boards (security/permissions.ts). */
export const API_TOKEN_ROLES = ["member", "operator"] as const;
export const apiTokenRoleSchema = z.enum(API_TOKEN_ROLES);
export type ApiTokenRole = z.infer<typeof apiTokenRoleSchema>;

export const API_TOKEN_ROLE_LABELS = {
  member: "Member (read)",
  operator: "Operator (read, act on sends, add to boards)",
} as const satisfies Record<ApiTokenRole, string>;

export const API_TOKEN_NAME_MAX = 80;
export const API_TOKEN_MAX_DAYS = 3650;

// Strict, like every body: an unknown key is refused. At most one of the two expiry forms.
export const createApiTokenSchema = z
  .strictObject({
    name: z.string().check(
      z.trim(),
      z.minLength(1, "Give the token a name."),
      z.maxLength(API_TOKEN_NAME_MAX, `Keep the name under ${API_TOKEN_NAME_MAX} characters.`),
      noControlCharacters(),
    ),
    role: apiTokenRoleSchema,
    expiresAt: z.optional(z.iso.datetime({ offset: true, error: "Give expiresAt as an ISO 8601 date and time." })),
    expiresInDays: z.optional(
      z.number().check(z.int(), z.minimum(1), z.maximum(API_TOKEN_MAX_DAYS, `A token lasts at most ${API_TOKEN_MAX_DAYS} days.`)),
    ),
  })
  .check(
    z.refine((input) => input.expiresAt === undefined || input.expiresInDays === undefined, {
      message: "Give expiresAt or expiresInDays, not both.",
    }),
  );
export type CreateApiTokenInput = z.infer<typeof createApiTokenSchema>;

/** `createdBy` is null once that admin was removed (the token keeps working for the team). */
export const apiTokenSchema = z.object({
  id: z.string(),
  name: z.string(),
  role: apiTokenRoleSchema,
  last4: z.string(),
  createdBy: z.nullable(z.object({ id: z.string(), name: z.string() })),
  createdAt: z.string(),
  expiresAt: z.nullable(z.string()),
  lastUsedAt: z.nullable(z.string()),
  revokedAt: z.nullable(z.string()),
});
export type ApiToken = z.infer<typeof apiTokenSchema>;

export const apiTokenListSchema = z.object({ items: z.array(apiTokenSchema) });

/** The token is in this answer only: the server keeps just its hash. */
export const createdApiTokenSchema = z.object({ id: z.string(), token: z.string(), item: apiTokenSchema });
export type CreatedApiToken = z.infer<typeof createdApiTokenSchema>;
