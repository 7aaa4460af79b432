import "server-only";
import { z } from "zod";
import { lenientString } from "../lenient";

const isObject = (value: unknown) =>
  typeof value === "object" && value !== null && !Array.isArray(value);

// GET /v3/mail/batch/{id} → 200 {batch_id}: the id exists (it may still be unused).
export const sendGridMailBatchSchema = z.object({ batch_id: lenientString });

// GET /v3/user/scheduled_sends/{id} → an ARRAY of {batch_id, status}; a lone object is accepted too.
export const sendGridScheduledSendsSchema = z.preprocess(
  (value) => (isObject(value) ? [value] : value),
  z.array(z.object({ batch_id: lenientString, status: z.string() })),
);

/** Both answers, as the client collects them; `scheduledSends` is [] when SendGrid has none (404). */
export const sendGridBatchSchema = z.object({
  batch: sendGridMailBatchSchema,
  scheduledSends: sendGridScheduledSendsSchema,
});

// {"errors":[{message, field, help}]}; only used to tell "invalid batch id" from other 400s.
export const sendGridErrorSchema = z.object({
  errors: z.array(z.object({ message: lenientString })).catch([]),
});

export type SendGridScheduledSend = z.output<typeof sendGridScheduledSendsSchema>[number];

// GET /v3/scopes → {scopes: string[]}; only read to tell which scopes the key lacks.
export const sendGridScopesSchema = z.object({ scopes: z.array(z.string()) });
