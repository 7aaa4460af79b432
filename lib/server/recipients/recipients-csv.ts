import "server-only";
import { maskContactsIn, maskRecipient } from "@/lib/recipient-mask";
import type { RecipientRow } from "@/lib/recipient-row";
import { csvField } from "../history";

const FIXED_COLUMNS = ["recipient", "outcome", "status", "reason", "at"];

/**
 * The rows as a CSV file, masked: a file leaves the batch page (it is mailed, shared, opened in
 * spreadsheets), so it carries no full number or address. Formula-safe through the history CSV's field.
 */
export function formatRecipientsCsv(rows: readonly RecipientRow[]): string {
  const detailKeys = [...new Set(rows.flatMap((row) => Object.keys(row.details)))];
  const header = [...FIXED_COLUMNS, ...detailKeys.map((key) => (FIXED_COLUMNS.includes(key) ? `${key}_detail` : key))];
  const lines = rows.map((row) =>
    [
      maskRecipient(row.recipient),
      row.outcome,
      row.status,
      row.reason === null ? null : maskContactsIn(row.reason),
      row.at,
      ...detailKeys.map((key) => detailText(row.details[key])),
    ].map(csvField),
  );
  return [header.map(csvField), ...lines].map((fields) => `${fields.join(",")}\r\n`).join("");
}

function detailText(value: RecipientRow["details"][string] | undefined): string | number | null {
  if (value === undefined || value === null) return null;
  if (typeof value === "boolean") return value ? "true" : "false";
  if (typeof value === "number") return value;
  return maskContactsIn(Array.isArray(value) ? value.join("; ") : value);
}
