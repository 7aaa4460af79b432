import { z } from "zod/mini";
import { connectionIdSchema } from "./connection";
import { noControlCharacters } from "./plain-text";
import { providerIdSchema } from "./providers/provider-id";

// Client-safe: alerts as the API (/api/alerts/…) answers them and settings → alerts edits them.

export const CONTACT_POINT_TYPES = ["slack", "webhook", "email"] as const;
export const contactPointTypeSchema = z.enum(CONTACT_POINT_TYPES);
export type ContactPointType = z.infer<typeof contactPointTypeSchema>;

export const ALERT_RULE_KINDS = ["finished", "failure_share", "stalled", "stale", "slow", "pause_window"] as const;
export const alertRuleKindSchema = z.enum(ALERT_RULE_KINDS);
export type AlertRuleKind = z.infer<typeof alertRuleKindSchema>;

/** What each kind needs: a threshold (percent or items a minute) and/or minutes. */
export const RULE_KIND_NEEDS = {
  finished: { threshold: null, minutes: false },
  failure_share: { threshold: "percent", minutes: false },
  stalled: { threshold: null, minutes: true },
  stale: { threshold: null, minutes: true },
  slow: { threshold: "per_minute", minutes: false },
  pause_window: { threshold: null, minutes: true },
} as const satisfies Record<AlertRuleKind, { threshold: "percent" | "per_minute" | null; minutes: boolean }>;

/** failure_share fires only once this many items were processed, unless the rule says otherwise. */
export const FAILURE_SHARE_MIN_PROCESSED = 20;

export const ALERT_MESSAGE_TYPES = ["alert.firing", "alert.resolved", "test"] as const;
export type AlertMessageType = (typeof ALERT_MESSAGE_TYPES)[number];

export const contactPointSchema = z.object({
  id: z.string(),
  type: contactPointTypeSchema,
  name: z.string(),
  /** Host and a few characters of the URL, or a masked address: never the whole of it. */
  target: z.string(),
  createdBy: z.string(),
  createdAt: z.string(),
});
export type ContactPoint = z.infer<typeof contactPointSchema>;
export const contactPointListSchema = z.object({ items: z.array(contactPointSchema) });

const nameField = z.string().check(z.trim(), z.minLength(1, "Give it a name."), z.maxLength(80, "Keep the name under 80 characters."), noControlCharacters());

export const createContactPointSchema = z.strictObject({
  type: contactPointTypeSchema,
  name: nameField,
  url: z.optional(z.string().check(z.trim(), z.maxLength(2_000, "That URL is too long."))),
  to: z.optional(z.string().check(z.trim(), z.maxLength(254, "That address is too long."))),
});
export type CreateContactPointInput = z.infer<typeof createContactPointSchema>;

/** The webhook's signing secret is in this answer only. */
export const createdContactPointSchema = z.object({ id: z.string(), secret: z.optional(z.string()) });
export type CreatedContactPoint = z.infer<typeof createdContactPointSchema>;

export const contactPointTestResultSchema = z.object({ status: z.string(), attempts: z.number(), httpStatus: z.nullable(z.number()), error: z.nullable(z.string()) });
export type ContactPointTestResult = z.infer<typeof contactPointTestResultSchema>;

export const alertRuleSchema = z.object({
  id: z.string(),
  boardId: z.nullable(z.string()),
  batch: z.nullable(z.object({ provider: providerIdSchema, batchId: z.string(), connectionId: z.string() })),
  kind: alertRuleKindSchema,
  threshold: z.nullable(z.number()),
  minutes: z.nullable(z.number()),
  contactPointIds: z.array(z.string()),
  createdBy: z.string(),
  createdAt: z.string(),
});
export type AlertRule = z.infer<typeof alertRuleSchema>;
export const alertRuleListSchema = z.object({ items: z.array(alertRuleSchema) });

export const createAlertRuleSchema = z.strictObject({
  boardId: z.optional(z.string()),
  batch: z.optional(
    z.strictObject({
      provider: providerIdSchema,
      batchId: z.string().check(z.trim(), z.minLength(1), z.maxLength(200)),
      connectionId: z.optional(connectionIdSchema),
    }),
  ),
  kind: alertRuleKindSchema,
  threshold: z.optional(z.number().check(z.positive("The threshold must be above 0."), z.maximum(1_000_000))),
  minutes: z.optional(z.int().check(z.minimum(1, "At least a minute."), z.maximum(60 * 24 * 7, "At most a week."))),
  contactPointIds: z.array(z.string()).check(z.minLength(1, "Pick at least one contact point."), z.maxLength(20)),
});
export type CreateAlertRuleInput = z.infer<typeof createAlertRuleSchema>;

export const alertDeliverySchema = z.object({
  id: z.string(),
  contactPoint: z.object({ id: z.string(), name: z.string() }),
  incidentId: z.nullable(z.string()),
  type: z.string(),
  attempt: z.number(),
  /** delivered · retrying (this attempt failed, another follows) · failed (no more attempts). */
  status: z.string(),
  httpStatus: z.nullable(z.number()),
  error: z.nullable(z.string()),
  durationMs: z.number(),
  at: z.string(),
});
export type AlertDelivery = z.infer<typeof alertDeliverySchema>;
export const alertDeliveryPageSchema = z.object({ items: z.array(alertDeliverySchema), nextCursor: z.nullable(z.string()) });
export type AlertDeliveryPage = z.infer<typeof alertDeliveryPageSchema>;

/** The batch as every message describes it (the generic webhook's `batch`). */
export type AlertBatch = {
  provider: string;
  batchId: string;
  name: string | null;
  state: string;
  processed: number;
  total: number | null;
  failed: number;
  url: string;
};

/** The generic webhook's JSON body; alertId is the same for an incident's firing and resolved messages. */
export type AlertMessage = {
  type: AlertMessageType;
  alertId: string;
  rule: { id: string; kind: AlertRuleKind };
  batch: AlertBatch;
  at: string;
};

/** A firing alert on a batch, as boards and walls show it (a chip). */
export const firingAlertSchema = z.object({ kind: alertRuleKindSchema, since: z.string(), failure: z.boolean() });
export type FiringAlert = z.infer<typeof firingAlertSchema>;

export const deliveriesQuerySchema = z.object({ cursor: z._default(z.nullable(z.string().check(z.maxLength(200))), null) });
