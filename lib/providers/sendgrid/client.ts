import "server-only";
import { AppError } from "@/lib/errors";
import type { UpstreamResponse } from "../http";
import type { FetchBatchContext, UpstreamContext } from "../types";
import { bearerAuth, upstreamFor } from "../upstream";
import type { Upstream } from "../upstream";
import { sendGridProfile } from "./profile";
import { sendGridErrorSchema } from "./schema";

const NAME = sendGridProfile.name;

/** Also serves the key check (test-connection.ts). */
export const sendGrid = (context: UpstreamContext) => upstreamFor(sendGridProfile, context, bearerAuth);

export type SendGridRawBatch = { batch: unknown; scheduledSends: unknown };

/**
 * SendGrid has no batch object: validate the id (GET /v3/mail/batch/{id}), then read its
 * pause/cancel entries (GET /v3/user/scheduled_sends/{id}; 404 means there are none).
 */
export async function fetchSendGridBatch(
  batchId: string,
  context: FetchBatchContext,
): Promise<SendGridRawBatch> {
  const upstream = sendGrid(context);
  const validation = await upstream.get(["v3", "mail", "batch", batchId]);
  if (
    validation.status === 404 ||
    (validation.status === 400 && isInvalidBatchId(validation.body))
  ) {
    throw new AppError("not_found", `${NAME} does not know this batch id.`);
  }
  if (validation.status !== 200) throw sendGridStatusError(upstream, validation, context.now);

  const scheduled = await upstream.get(["v3", "user", "scheduled_sends", batchId]);
  if (scheduled.status === 404) return { batch: validation.body, scheduledSends: [] };
  if (scheduled.status !== 200) throw sendGridStatusError(upstream, scheduled, context.now);
  return { batch: validation.body, scheduledSends: scheduled.body };
}

function isInvalidBatchId(body: unknown): boolean {
  const parsed = sendGridErrorSchema.safeParse(body);
  return (
    parsed.success && parsed.data.errors.some((error) => /batch id/i.test(error.message ?? ""))
  );
}

// SendGrid's 429 may carry only X-RateLimit-Reset (unix seconds) instead of Retry-After.
export function sendGridStatusError(upstream: Upstream, response: UpstreamResponse, now: Date): AppError {
  const fromReset =
    response.status === 429 && !response.headers.has("retry-after")
      ? secondsUntilReset(response.headers.get("x-ratelimit-reset"), now)
      : null;
  if (fromReset === null) return upstream.statusError(response);
  const message = `${NAME} is rate limiting requests. Retry after ${fromReset} s.`;
  return new AppError("provider_rate_limited", message, { retryAfterSeconds: fromReset });
}

function secondsUntilReset(value: string | null, now: Date): number | null {
  if (!value || !/^\d+$/.test(value.trim())) return null;
  const reset = Number(value.trim());
  // A small number is a delay, not an epoch time (some proxies rewrite the header that way).
  if (reset < 1_000_000_000) return reset;
  return Math.max(0, Math.ceil(reset - now.getTime() / 1000));
}
