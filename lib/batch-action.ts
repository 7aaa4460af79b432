import { z } from "zod/mini";
import type { BatchSnapshot } from "./batch-snapshot";
import type { BatchAction } from "./providers/provider-profile";
import type { ProviderProfile } from "./providers/provider-profile";

export const BATCH_ACTIONS = ["pause", "resume", "cancel", "stop"] as const satisfies readonly BatchAction[];

/** POST /api/batches/{provider}/{batchId}/actions */
export const batchActionRequestSchema = z.strictObject({
  action: z.enum(BATCH_ACTIONS),
  connectionId: z.optional(z.string().check(z.minLength(1), z.maxLength(100))),
});
export type BatchActionRequest = z.infer<typeof batchActionRequestSchema>;

// Which state each action can change; the provider has the last word (a 409 says why).
const ALLOWED_FROM: Record<BatchAction, readonly BatchSnapshot["state"][]> = {
  pause: ["scheduled"],
  cancel: ["scheduled", "paused"],
  resume: ["paused", "cancelled"],
  stop: ["scheduled", "queued", "running"],
};

/**
 * The actions to offer for a batch: those its provider can do (the profile's capabilities) that
 * its state allows, and for a provider with send-time rules, only before they close.
 */
export function offeredActions(
  profile: Pick<ProviderProfile, "capabilities" | "sendTime">,
  snapshot: Pick<BatchSnapshot, "state" | "scheduledAt">,
  now: number,
): BatchAction[] {
  const closesAt = holdClosesAt(profile, snapshot);
  return profile.capabilities.actions.filter((action) => {
    if (!ALLOWED_FROM[action].includes(snapshot.state)) return false;
    if ((action === "pause" || action === "cancel") && snapshot.state === "scheduled" && closesAt !== null) return now < closesAt;
    return true;
  });
}

/** When pause and cancel close (SendGrid: 10 minutes before the send time); null when unknown or no such rule. */
export function holdClosesAt(profile: Pick<ProviderProfile, "sendTime">, snapshot: Pick<BatchSnapshot, "scheduledAt">): number | null {
  const sendAt = snapshot.scheduledAt === null ? Number.NaN : Date.parse(snapshot.scheduledAt);
  if (!profile.sendTime || Number.isNaN(sendAt)) return null;
  return sendAt - profile.sendTime.holdClosesBeforeMs;
}

/** When a paused batch is discarded (SendGrid: 72 h after the send time); null when unknown or no such rule. */
export function pausedExpiresAt(profile: Pick<ProviderProfile, "sendTime">, snapshot: Pick<BatchSnapshot, "scheduledAt">): number | null {
  const sendAt = snapshot.scheduledAt === null ? Number.NaN : Date.parse(snapshot.scheduledAt);
  if (!profile.sendTime || Number.isNaN(sendAt)) return null;
  return sendAt + profile.sendTime.pausedExpiresAfterMs;
}
