import { unitHashOf, pickWeighted } from "../hash";
import type { SendgridBatch } from "../state";

// The Event Webhook's story of one simulated SendGrid batch: each message is processed at a
// moment spread over the batch's run from its send time, then delivered a few seconds later, or
// deferred first, or bounced, blocked or dropped; some delivered mail is opened and clicked.
// Drawn from a hash of (batch, message), so the story is the same every time it is told.

export type SendGridWebhookEvent = {
  sg_event_id: string;
  sg_message_id: string;
  event: string;
  email: string;
  timestamp: number;
  batch_id: string;
  type?: string;
  reason?: string;
  response?: string;
  "smtp-id"?: string;
};

export const MESSAGES_PER_BATCH = 1_200;

type Fate = "delivered" | "deferred-then-delivered" | "bounce" | "blocked" | "dropped";
const FATES: readonly (readonly [Fate, number])[] = [
  ["delivered", 86],
  ["deferred-then-delivered", 6],
  ["bounce", 4],
  ["blocked", 2],
  ["dropped", 2],
];
const BOUNCE_REASONS = [
  "550 5.1.1 The email account that you tried to reach does not exist.",
  "552 5.2.2 Mailbox full",
];
const BLOCK_REASON = "554 5.7.1 Message rejected: listed at a DNS blocklist";
const DROP_REASONS = ["Bounced Address", "Unsubscribed Address", "Spam Reporting Address"];

/** Events of `batchId` that happened in (fromMs, toMs], oldest first. */
export function sendGridEventsBetween(
  batchId: string,
  batch: SendgridBatch,
  runMs: number,
  fromMs: number,
  toMs: number,
): SendGridWebhookEvent[] {
  // Held mail never goes out: a paused or cancelled batch sends no events.
  if (batch.status !== null || toMs <= batch.sendAtMs) return [];
  const events: SendGridWebhookEvent[] = [];
  for (let i = 0; i < MESSAGES_PER_BATCH; i++) {
    for (const event of messageStory(
      batchId,
      i,
      batch.sendAtMs + (i / MESSAGES_PER_BATCH) * runMs,
    )) {
      const at = event.timestamp * 1000;
      if (at > fromMs && at <= toMs) events.push(event);
    }
  }
  return events.sort((a, b) => a.timestamp - b.timestamp);
}

function messageStory(batchId: string, i: number, processedAtMs: number): SendGridWebhookEvent[] {
  const messageId = `sim${Math.floor(unitHashOf(batchId, i, "id") * 1e12).toString(36)}.filter0001.${i}.0`;
  const base = { sg_message_id: messageId, email: `reader${i + 1}@example.com`, batch_id: batchId };
  let n = 0;
  const event = (
    name: string,
    atMs: number,
    extra: Partial<SendGridWebhookEvent> = {},
  ): SendGridWebhookEvent => ({
    ...base,
    sg_event_id: `sim-${batchId}-${i}-${n++}`,
    event: name,
    timestamp: Math.floor(atMs / 1000),
    ...extra,
  });
  const fate = pickWeighted(FATES, unitHashOf(batchId, i, "fate"));
  const later = (seconds: number) =>
    processedAtMs + seconds * 1000 * (0.5 + unitHashOf(batchId, i, "delay", seconds));
  if (fate === "dropped")
    return [event("dropped", processedAtMs, { reason: DROP_REASONS[i % DROP_REASONS.length] })];
  const story = [event("processed", processedAtMs)];
  if (fate === "bounce")
    return [
      ...story,
      event("bounce", later(4), {
        type: "bounce",
        reason: BOUNCE_REASONS[i % BOUNCE_REASONS.length],
      }),
    ];
  if (fate === "blocked")
    return [...story, event("bounce", later(4), { type: "blocked", reason: BLOCK_REASON })];
  if (fate === "deferred-then-delivered")
    story.push(event("deferred", later(3), { response: "451 4.7.1 Please try again later" }));
  const deliveredAt = later(fate === "delivered" ? 4 : 40);
  story.push(event("delivered", deliveredAt));
  if (unitHashOf(batchId, i, "open") < 0.4) story.push(event("open", deliveredAt + 20_000));
  if (unitHashOf(batchId, i, "click") < 0.12) story.push(event("click", deliveredAt + 35_000));
  return story;
}
