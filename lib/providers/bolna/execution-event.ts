import "server-only";
import { z } from "zod";
import type { RecipientRow } from "@/lib/recipient-row";
import { callRow } from "./recipients-transform";

// A Bolna execution webhook: the execution object of GET /executions/{id}, posted on every status
// change (shared/providers/bolna.md §4). Only what dedup and routing need is required; every other
// field is optional and unknown ones are ignored, as the payload drifts (ids as integers, §6.3).
const executionIdSchema = z.union([z.string().trim().min(1).max(100), z.number().int().nonnegative()]).transform(String);

export const bolnaExecutionEventSchema = z.looseObject({
  id: executionIdSchema,
  status: z.string().trim().min(1).max(60).transform((status) => status.toLowerCase()),
  // A call made outside a batch carries none: such events are acknowledged and ignored.
  batch_id: z.string().trim().min(1).max(100).nullish(),
});

export type BolnaExecutionEvent = { executionId: string; status: string; batchId: string | null; row: RecipientRow | null };

/** The event, or null when the body is not an execution object. */
export function readBolnaExecutionEvent(body: unknown): BolnaExecutionEvent | null {
  const parsed = bolnaExecutionEventSchema.safeParse(body);
  if (!parsed.success) return null;
  const { id, status, batch_id } = parsed.data;
  return { executionId: id, status, batchId: batch_id ?? null, row: callRow({ ...parsed.data, status }) };
}
