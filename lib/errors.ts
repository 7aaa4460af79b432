// One error type for the whole app: a code from one enum, one map from code to HTTP status,
// one body shape `{ error: { code, message } }`. Messages are written for people and never
// carry upstream bodies, URLs with ids, or keys.
export const ERROR_STATUS = {
  bad_request: 400,
  invalid_provider: 400,
  invalid_batch_id: 400,
  invalid_frame_origin: 400,
  action_not_supported: 400,
  unauthorized: 401,
  forbidden: 403,
  cross_site_request: 403,
  not_found: 404,
  conflict: 409,
  action_not_allowed: 409,
  share_link_revoked: 410,
  share_link_expired: 410,
  invite_expired: 410,
  payload_too_large: 413,
  unsupported_media_type: 415,
  too_many_attempts: 429,
  token_rate_limited: 429,
  provider_error: 502,
  provider_timeout: 502,
  provider_rate_limited: 502,
  provider_bad_response: 502,
  provider_auth_failed: 502,
  not_configured: 503,
  snapshot_pending: 503,
  database_unavailable: 503,
  provider_busy: 503,
  internal: 500,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

export type ErrorBody = { error: { code: ErrorCode; message: string } };

export class AppError extends Error {
  readonly code: ErrorCode;
  /** Seconds to wait: what a provider's 429 asked of us, or what our own 429 and 503 answers ask (Retry-After). */
  readonly retryAfterSeconds: number | null;

  constructor(code: ErrorCode, message: string, options: { retryAfterSeconds?: number | null } = {}) {
    super(message);
    this.name = "AppError";
    this.code = code;
    this.retryAfterSeconds = options.retryAfterSeconds ?? null;
  }

  // Next can load this module into several bundles, each with its own AppError class; an error
  // made in one must still be recognised in another, so `instanceof` checks the shape.
  static [Symbol.hasInstance](value: unknown): boolean {
    if (typeof value !== "object" || value === null) return false;
    const candidate = value as { name?: unknown; code?: unknown };
    return candidate.name === "AppError" && typeof candidate.code === "string" && candidate.code in ERROR_STATUS;
  }

  get status(): number {
    return ERROR_STATUS[this.code];
  }

  toBody(): ErrorBody {
    return { error: { code: this.code, message: this.message } };
  }
}

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === "string" && Object.hasOwn(ERROR_STATUS, value);
}

export function isErrorBody(value: unknown): value is ErrorBody {
  if (typeof value !== "object" || value === null || !("error" in value)) return false;
  const error = (value as { error: unknown }).error;
  return typeof error === "object" && error !== null && "code" in error && "message" in error;
}
