import "server-only";
import { z } from "zod";
import { lenientString, lenientTimestamp } from "../lenient";
import { countField } from "../payload";

// Migma wraps every answer in { success, data, error } and errors add { code, metadata }.
export const migmaEnvelopeSchema = z.object({
  success: z.unknown().optional(),
  data: z.unknown().optional(),
  error: lenientString,
  code: lenientString,
});

// GET /v1/sending/batches/{id} → data. The docs say `queued`, the SDK `pending`: status stays a string.
export const migmaBatchSchema = z.object({
  batchId: lenientString,
  status: z.string(),
  recipientType: lenientString,
  recipientId: lenientString,
  provider: lenientString,
  totalCount: countField,
  queuedCount: countField,
  sentCount: countField,
  failedCount: countField,
  from: lenientString,
  fromName: lenientString,
  subject: lenientString,
  createdAt: lenientTimestamp,
  updatedAt: lenientTimestamp,
  error: lenientString,
});

export type MigmaEnvelope = z.output<typeof migmaEnvelopeSchema>;
export type MigmaBatch = z.output<typeof migmaBatchSchema>;
