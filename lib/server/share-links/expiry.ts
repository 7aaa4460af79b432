import "server-only";
import { AppError } from "@/lib/errors";
import { DEFAULT_SHARE_LINK_HOURS, MAX_SHARE_LINK_HOURS } from "@/lib/share-link";

const HOUR_MS = 60 * 60 * 1000;

/** When a new link stops working: 7 days unless asked otherwise, between 1 hour and 90 days. */
export function shareLinkExpiresAt(
  now: Date,
  expiresInHours: number = DEFAULT_SHARE_LINK_HOURS,
): string {
  if (
    !Number.isInteger(expiresInHours) ||
    expiresInHours < 1 ||
    expiresInHours > MAX_SHARE_LINK_HOURS
  ) {
    throw new AppError(
      "bad_request",
      `A share link lasts between 1 hour and ${MAX_SHARE_LINK_HOURS / 24} days.`,
    );
  }
  return new Date(now.getTime() + expiresInHours * HOUR_MS).toISOString();
}
