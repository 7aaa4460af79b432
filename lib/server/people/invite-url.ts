import "server-only";
import { requestOrigin } from "@/lib/server/api/request-origin";

/** The set-password link as the admin's browser can open it (see requestOrigin for the host). */
export function inviteUrlFor(request: Request, token: string): string {
  return `${requestOrigin(request)}/invite/${encodeURIComponent(token)}`;
}
