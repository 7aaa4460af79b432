import "server-only";
import { API_TOKEN_MAX_DAYS } from "@/lib/api-token";
import { AppError } from "@/lib/errors";

const DAY_MS = 24 * 60 * 60 * 1000;

/** When a new token stops working: null (never) unless a date or a number of days is given. */
export function apiTokenExpiresAt(
  now: Date,
  { expiresAt, expiresInDays }: { expiresAt?: string; expiresInDays?: number },
): string | null {
  if (expiresInDays !== undefined) {
    if (!Number.isInteger(expiresInDays) || expiresInDays < 1 || expiresInDays > API_TOKEN_MAX_DAYS) {
      throw new AppError("bad_request", `A token lasts between 1 and ${API_TOKEN_MAX_DAYS} days.`);
    }
    return new Date(now.getTime() + expiresInDays * DAY_MS).toISOString();
  }
  if (expiresAt === undefined) return null;
  const at = Date.parse(expiresAt);
  if (Number.isNaN(at) || at <= now.getTime()) throw new AppError("bad_request", "Give an expiry in the future.");
  if (at > now.getTime() + API_TOKEN_MAX_DAYS * DAY_MS) {
    throw new AppError("bad_request", `A token lasts at most ${API_TOKEN_MAX_DAYS} days.`);
  }
  return new Date(at).toISOString();
}
