import { z } from "zod/mini";
import { batchLabelSchema } from "./batch-label";
import { providerIdSchema } from "./providers/provider-id";

/** A batch someone names, to watch or to put on a board: provider, id, optionally the connection and a label. Strict, like every body. */
export const batchInputSchema = z.strictObject({
  provider: providerIdSchema,
  batchId: z.string().check(z.minLength(1), z.maxLength(200)),
  connectionId: z.optional(z.string().check(z.minLength(1), z.maxLength(100))),
  /** Names the batch for the whole team (see lib/server/labels); blank or absent keeps its name. */
  label: z.optional(z.nullable(batchLabelSchema)),
});
export type BatchInput = z.infer<typeof batchInputSchema>;
