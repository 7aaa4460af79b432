import { z } from "zod/mini";

/** A send time as a person gives it: an ISO 8601 moment with its offset ("2026-03-02T14:50:00Z"). */
export const sendAtSchema = z.iso.datetime({ offset: true });

/** PUT …/send-time: the batch's send time, or null to forget it. */
export const setSendTimeSchema = z.strictObject({ sendAt: z.nullable(sendAtSchema) });

export const sendTimeResponseSchema = z.object({ sendAt: z.nullable(z.string()) });
export type SendTimeResponse = z.infer<typeof sendTimeResponseSchema>;

/** The moment as the server stores and answers it (UTC, milliseconds). */
export function normalizeSendAt(sendAt: string): string {
  return new Date(sendAt).toISOString();
}
