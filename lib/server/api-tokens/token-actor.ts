import "server-only";
import { isApiTokenRole } from "./token-rows";
import type { Actor } from "@/lib/server/security/permissions";

/**
 * A token acts for its team under the token table of permissions.ts (kind "token"). The activity
 * log names an author by email; a token's is its name, marked, so a row reads "CI (API token)
 * paused …". Null for a row whose role this build does not know: it must deny, not guess.
 */
export function tokenActor(row: { id: string; team_id: string; name: string; role: string }): Actor | null {
  if (!isApiTokenRole(row.role)) return null;
  return { id: row.id, teamId: row.team_id, role: row.role, email: `${row.name} (API token)`, kind: "token" };
}
