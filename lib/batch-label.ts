import { z } from "zod/mini";
import { noControlCharacters } from "./plain-text";

export const BATCH_LABEL_MAX = 120;

/** A label as typed: trimmed, at most BATCH_LABEL_MAX characters, no control characters. */
export const batchLabelSchema = z
  .string()
  .check(z.trim(), z.maxLength(BATCH_LABEL_MAX), noControlCharacters());

/** PUT …/label: a new label, or null (or blank) to clear it and show the provider's name again. */
export const setBatchLabelSchema = z.object({ label: z.nullable(batchLabelSchema) });

export const batchLabelResponseSchema = z.object({ label: z.nullable(z.string()) });
export type BatchLabelResponse = z.infer<typeof batchLabelResponseSchema>;

/** A typed label, or null when nothing but spaces was typed. */
export function labelOrNull(label: string | null | undefined): string | null {
  const trimmed = label?.trim();
  return trimmed ? trimmed : null;
}
