import { z } from "zod/mini";
import { recipientRowSchema } from "./recipient-row";

/** The outcomes the recipients list filters by; without one it lists every row. */
export const RECIPIENT_FILTERS = ["failure", "unreached", "success", "active", "pending"] as const;
export type RecipientFilter = (typeof RECIPIENT_FILTERS)[number];

/** Query of `GET /api/batches/{provider}/{batchId}/recipients` and its `.csv`. */
export const recipientsQuerySchema = z.object({
  outcome: z.optional(z.enum(RECIPIENT_FILTERS)),
  q: z.optional(z.string().check(z.maxLength(120))),
  cursor: z.optional(z.string().check(z.maxLength(20))),
  connection: z.optional(z.string()),
  share: z.optional(z.string()),
});

export const recipientReasonSchema = z.object({ reason: z.string(), count: z.number() });
export type RecipientReason = z.infer<typeof recipientReasonSchema>;

export const recipientsPageSchema = z.object({
  /** False when the provider cannot show rows (notes say why); items and reasons are then empty. */
  supported: z.boolean(),
  items: z.array(recipientRowSchema),
  nextCursor: z.nullable(z.string()),
  /** Rows that did not succeed, grouped by reason, most first (the search does not narrow them). */
  reasons: z.array(recipientReasonSchema),
  /**
   * What `reasons` counts: the rows read so far of this list, and whether that is all of them
   * (else more exist at the provider than Sendboard has read). Null when the list has no failures to group.
   */
  reasonsOver: z.nullable(z.object({ rows: z.number(), complete: z.boolean() })),
  notes: z.array(z.string()),
});
export type RecipientsPage = z.infer<typeof recipientsPageSchema>;
