import "server-only";
import type { AuditTarget } from "@/lib/server/audit";
import type { UserRow } from "./users";

/** A person is named by their email in the activity log: unique, and what an admin recognises. */
export function userAuditTarget(row: Pick<UserRow, "id" | "email">): AuditTarget {
  return { id: row.id, label: row.email };
}
