import { z } from "zod/mini";
import { noControlCharacters } from "./plain-text";
import { providerIdSchema } from "./providers/provider-id";

export const BATCH_LABEL_MAX = 120;

/** A batch someone names, to watch or to put on a board: provider, id, optionally the connection and a label. Strict, like every body. */
export const batchInputSchema = z.strictObject({
  provider: providerIdSchema,
  batchId: z.string().check(z.minLength(1), z.maxLength(200)),
  connectionId: z.optional(z.string().check(z.minLength(1), z.maxLength(100))),
  label: z.optional(z.nullable(z.string().check(z.trim(), z.maxLength(BATCH_LABEL_MAX), noControlCharacters()))),
});
export type BatchInput = z.infer<typeof batchInputSchema>;
