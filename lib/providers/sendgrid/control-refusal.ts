import "server-only";
import { AppError } from "@/lib/errors";
import type { ControlResult } from "../types";
import { sendGridProfile } from "./profile";
import { sendGridErrorSchema } from "./schema";

const NAME = sendGridProfile.name;

export const REFUSALS = {
  tooLate: `${NAME} no longer accepts a pause or cancel less than 10 minutes before the send time.`,
  maxReached: `${NAME} allows at most 10 paused or cancelled batches at a time: resume or remove one before adding another.`,
  alreadyHeld: "The batch is already paused or cancelled.",
  notHeld: "The batch is neither paused nor cancelled, so there is nothing to resume.",
  changed: "The batch changed while Sendboard was acting on it: look at its state and try again.",
  other: `${NAME} refused to change this batch (HTTP 400).`,
} as const;

export function refused(message: string): ControlResult {
  return { kind: "refused", reason: "not_allowed", message };
}

/**
 * What a 400 from the scheduled-sends endpoints means, told in our words: SendGrid documents the
 * cases (already paused or cancelled, the maximum reached) but not their wording, so it is read
 * loosely, and a text we do not recognise is still a refusal, never echoed.
 */
export function refusalOf400(body: unknown): ControlResult {
  const parsed = sendGridErrorSchema.safeParse(body);
  const text = (parsed.success ? parsed.data.errors.map((error) => error.message ?? "") : [])
    .join(" ")
    .toLowerCase();
  if (/invalid batch id|batch id not found/.test(text))
    throw new AppError("not_found", `${NAME} does not know this batch id.`);
  if (/10 minutes|minutes before|too late|send time|send_at/.test(text))
    return refused(REFUSALS.tooLate);
  if (/max|limit/.test(text)) return refused(REFUSALS.maxReached);
  if (/already/.test(text)) return refused(REFUSALS.alreadyHeld);
  return refused(REFUSALS.other);
}
