import "server-only";

/** The set-password link as the admin's browser can open it: `origin` is the one it used (see requestOrigin). */
export function inviteUrlFor(origin: string, token: string): string {
  return `${origin}/invite/${encodeURIComponent(token)}`;
}
