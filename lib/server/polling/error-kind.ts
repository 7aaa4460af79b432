import { AppError } from "@/lib/errors";

/**
 * rate_limited: the connection waits out Retry-After. transient: the provider is struggling
 * (5xx, timeouts, unreadable answers) and counts towards the connection's breaker. permanent:
 * about this batch or key (not_found, auth), retried slowly.
 */
export type PollErrorKind = "rate_limited" | "transient" | "permanent";

const TRANSIENT = new Set<string>(["provider_error", "provider_timeout", "provider_bad_response"]);

export function classifyPollError(error: AppError): PollErrorKind {
  if (error.code === "provider_rate_limited") return "rate_limited";
  return TRANSIENT.has(error.code) ? "transient" : "permanent";
}

export function isTransientPollError(error: unknown): boolean {
  return error instanceof AppError && classifyPollError(error) === "transient";
}

export function toAppError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  return new AppError("internal", "Fetching the batch failed unexpectedly.");
}
