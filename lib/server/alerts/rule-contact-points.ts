import "server-only";
import type { AlertRuleRow } from "./row-types";

export function contactPointIdsOf(row: Pick<AlertRuleRow, "contact_point_ids">): string[] {
  const parsed: unknown = JSON.parse(row.contact_point_ids);
  return Array.isArray(parsed) ? parsed.filter((id): id is string => typeof id === "string") : [];
}
