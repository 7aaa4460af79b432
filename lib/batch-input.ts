import { z } from "zod/mini";
import { batchLabelSchema } from "./batch-label";
import { providerIdSchema } from "./providers/provider-id";
import { sendAtSchema } from "./send-time-input";

/** A batch someone names, to watch or to put on a board: provider, id, optionally the connection, a label and (SendGrid) its send time. Strict, like every body. */
export const batchInputSchema = z.strictObject({
  provider: providerIdSchema,
  batchId: z.string().check(z.minLength(1), z.maxLength(200)),
  connectionId: z.optional(z.string().check(z.minLength(1), z.maxLength(100))),
  /** Names the batch for the whole team (see lib/server/labels); blank or absent keeps its name. */
  label: z.optional(z.nullable(batchLabelSchema)),
  /** When the provider cannot say (profile.sendTime, SendGrid): ISO 8601 with offset. */
  sendAt: z.optional(z.nullable(sendAtSchema)),
});
export type BatchInput = z.infer<typeof batchInputSchema>;
