import "server-only";

/** The set-password link: `origin` is APP_URL (see appOrigin), whatever host the admin's request named. */
export function inviteUrlFor(origin: string, token: string): string {
  return `${origin}/invite/${encodeURIComponent(token)}`;
}
