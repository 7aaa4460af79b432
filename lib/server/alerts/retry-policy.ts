import "server-only";

/** How one attempt ended, as the retry policy sees it. */
export type AttemptOutcome =
  | { kind: "delivered"; httpStatus: number | null }
  | { kind: "http_error"; httpStatus: number }
  | { kind: "smtp_error"; responseCode: number | null }
  | { kind: "timeout" }
  | { kind: "network_error" }
  | { kind: "refused" };

/** Attempts per message, and the waits between them (×4 each time, from the first). */
export const DELIVERY_ATTEMPTS = 4;
export const FIRST_RETRY_MS = 2_000;

/**
 * Worth another attempt: the receiver broke (5xx) or never answered (timeout, connection
 * failure). A 4xx is the receiver's final word about this message (a wrong URL, a revoked
 * Slack hook) and repeating it changes nothing. For mail the codes run the other way: SMTP's
 * 4xx are temporary ("try later") and its 5xx permanent.
 */
export function isRetryable(outcome: AttemptOutcome): boolean {
  switch (outcome.kind) {
    case "delivered":
    case "refused":
      return false;
    case "http_error":
      return outcome.httpStatus >= 500;
    case "smtp_error":
      return outcome.responseCode === null || (outcome.responseCode >= 400 && outcome.responseCode < 500);
    case "timeout":
    case "network_error":
      return true;
  }
}

/** The wait before attempt `attempt + 1` (attempt counts from 1), or null when no attempt follows. */
export function retryDelayMs(attempt: number, outcome: AttemptOutcome, firstRetryMs = FIRST_RETRY_MS): number | null {
  if (!isRetryable(outcome) || attempt >= DELIVERY_ATTEMPTS) return null;
  return firstRetryMs * 4 ** (attempt - 1);
}
