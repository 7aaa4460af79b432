import { z } from "zod/mini";

// Client-safe: the activity log as GET /api/audit answers it and settings → activity reads it.

/**
 * Everything the log can record, `<target type>.<verb>`. A feature that records a new kind of
 * change adds its action here and its wording in audit-sentence.ts (a missing one fails to compile).
 */
export const AUDIT_ACTIONS = [
  "share_link.create",
  "share_link.revoke",
  "connection.create",
  "connection.update",
  "connection.test",
  "connection.remove",
  "user.invite",
  "user.role_change",
  "user.remove",
  // Single sign-on (issue 15): Sendboard itself, following the identity provider.
  "user.sso_join",
  "user.sso_role_change",
  // Control actions and auto-watch (issue 13), alerts (issue 14), API tokens (issue 15).
  "batch.pause",
  "batch.resume",
  "batch.cancel",
  "batch.stop",
  "auto_watch.create",
  "auto_watch.update",
  "auto_watch.remove",
  // Sendboard itself, for a rule: a new send put on the board, a finished one taken off.
  "auto_watch.add_send",
  "auto_watch.drop_send",
  "alert_rule.create",
  "alert_rule.remove",
  "contact_point.create",
  "contact_point.remove",
  "contact_point.test",
  "token.create",
  "token.revoke",
  "token.use",
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export type AuditTargetType = AuditAction extends `${infer Type}.${string}` ? Type : never;

/** ok: it happened; refused: Sendboard or the provider said no; failed: it was tried and broke. */
export const AUDIT_OUTCOMES = ["ok", "refused", "failed"] as const;
export type AuditOutcome = (typeof AUDIT_OUTCOMES)[number];

/** user: a signed-in person; token: an API token acting for the team; system: Sendboard itself. */
export const AUDIT_ACTOR_KINDS = ["user", "token", "system"] as const;
export type AuditActorKind = (typeof AUDIT_ACTOR_KINDS)[number];

/** Small and flat: what the row needs to read well (a provider, a role, the provider's answer). */
export type AuditDetails = Readonly<Record<string, string | number | boolean | null>>;

// Tolerant of what a newer build may have written: an action or target this one does not know
// still lists, in plain words, rather than hiding the row.
export const auditEventSchema = z.object({
  id: z.string(),
  at: z.string(),
  actor: z.object({
    kind: z.enum(AUDIT_ACTOR_KINDS),
    id: z.nullable(z.string()),
    email: z.nullable(z.string()),
    /** The person's name today; null once they are removed (the email stays). */
    name: z.nullable(z.string()),
  }),
  action: z.string(),
  target: z.object({ type: z.string(), id: z.nullable(z.string()), label: z.nullable(z.string()) }),
  address: z.nullable(z.string()),
  outcome: z.enum(AUDIT_OUTCOMES),
  details: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])),
});
export type AuditEvent = z.infer<typeof auditEventSchema>;

export const auditPageSchema = z.object({
  items: z.array(auditEventSchema),
  nextCursor: z.nullable(z.string()),
});
export type AuditPage = z.infer<typeof auditPageSchema>;

export const auditPageQuerySchema = z.object({
  cursor: z.optional(z.string().check(z.maxLength(200))),
});

export const AUDIT_PAGE_SIZE = 50;
