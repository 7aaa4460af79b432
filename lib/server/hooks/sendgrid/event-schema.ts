import "server-only";
import { z } from "zod";

const text = (max: number) => z.string().max(max);

// One Event Webhook event. Loose: SendGrid adds fields and event types over time, and custom args
// arrive as top-level fields of their own; only what Sendboard counts by must be there.
const sendGridEventSchema = z.looseObject({
  sg_event_id: text(200).min(1),
  event: text(64).min(1),
  sg_message_id: text(500).optional(),
  email: text(320).optional(),
  timestamp: z.number().optional(),
  // bounce events: "bounce" or "blocked" (a block is a bounce SendGrid tells apart)
  type: z.string().optional(),
  reason: z.string().optional(),
  response: z.string().optional(),
  status: z.string().optional(),
});

export const sendGridEventsSchema = z.array(sendGridEventSchema).max(20_000);

export type SendGridEvent = z.output<typeof sendGridEventSchema>;
