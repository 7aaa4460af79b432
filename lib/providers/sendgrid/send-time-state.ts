import type { BatchState } from "@/lib/batch-snapshot";
import { sendGridProfile } from "./profile";

export const SEND_TIME_UNKNOWN =
  "Sendboard does not know this batch's send time (SendGrid cannot say): enter it on the batch page to see when it sends and until when it can be paused.";

export const EXPIRED_REASON = "Paused for more than 72 hours past its send time: SendGrid discarded the mail as expired.";

type TimedState = { state: BatchState; completedAt: string | null; reason: string | null };

/**
 * The state SendGrid's pause/cancel entry means once the send time is known. Past it with no
 * entry, the mail was handed over for delivery and nothing about the batch can change any more:
 * `completed` (terminal, so polling settles), not `running`, which would poll a batch with no
 * counts every 2 s. A pause past its expiry is `failed`, with the reason. Null without a send time.
 */
export function sendTimeStateOf(held: BatchState, sendAt: string | null, now: Date): TimedState | null {
  const sendAtMs = sendAt === null ? Number.NaN : Date.parse(sendAt);
  if (Number.isNaN(sendAtMs)) return null;
  const nowMs = now.getTime();
  if (held === "scheduled" && nowMs >= sendAtMs)
    return { state: "completed", completedAt: new Date(sendAtMs).toISOString(), reason: null };
  const expiresAt = sendAtMs + sendGridProfile.sendTime.pausedExpiresAfterMs;
  if (held === "paused" && nowMs >= expiresAt)
    return { state: "failed", completedAt: new Date(expiresAt).toISOString(), reason: EXPIRED_REASON };
  return { state: held, completedAt: null, reason: null };
}
