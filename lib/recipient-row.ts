import { z } from "zod/mini";
import { outcomeSchema } from "./batch-snapshot";

// One recipient of a send as the provider reports it. `recipient` is the phone number or email
// address unmasked: it is masked before it leaves the server for anyone but the batch page's
// team, and it never reaches a log line.
export const recipientRowSchema = z.object({
  recipient: z.string(),
  /** The provider's own status, verbatim. */
  status: z.string(),
  outcome: outcomeSchema,
  /** Why it failed or ended, in the provider's words (a WhatsApp error, a hang-up reason). */
  reason: z.nullable(z.string()),
  /** When the row last changed, ISO. */
  at: z.nullable(z.string()),
  details: z.record(
    z.string(),
    z.union([z.string(), z.number(), z.boolean(), z.null(), z.array(z.string())]),
  ),
});
export type RecipientRow = z.infer<typeof recipientRowSchema>;
export type RecipientDetails = RecipientRow["details"];
