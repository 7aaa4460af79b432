import "server-only";
import type { BatchSnapshot } from "@/lib/batch-snapshot";
import { progressOf } from "@/lib/providers/lenient";

export type CsvRow = {
  fetchedAt: string;
  state: string;
  processed: number;
  total: number | null;
  snapshot: BatchSnapshot | null;
};

const FIXED_COLUMNS = ["fetched_at", "state", "provider_status", "processed", "total", "progress"];

/**
 * One field, RFC 4180 quoted when needed. Text that a spreadsheet would run as a formula
 * (provider strings are not ours) gets a leading apostrophe.
 */
export function csvField(value: string | number | null): string {
  if (value === null) return "";
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : "";
  const inert = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(inert) ? `"${inert.replaceAll('"', '""')}"` : inert;
}

/** Every count status any row has, in the order they first appear. */
function countStatuses(rows: CsvRow[]): string[] {
  const statuses = new Set<string>();
  for (const row of rows)
    for (const count of row.snapshot?.counts ?? []) statuses.add(count.status);
  return [...statuses];
}

export function formatHistoryCsv(rows: CsvRow[]): string {
  const statuses = countStatuses(rows);
  const header = [
    ...FIXED_COLUMNS,
    ...statuses.map((status) => (FIXED_COLUMNS.includes(status) ? `${status}_count` : status)),
  ];
  const lines = rows.map((row) => {
    const counts = new Map(row.snapshot?.counts.map((count) => [count.status, count.count]));
    const progress = progressOf(row.processed, row.total);
    return [
      row.fetchedAt,
      row.state,
      row.snapshot?.providerStatus ?? null,
      row.processed,
      row.total,
      progress === null ? null : Math.round(progress * 10_000) / 10_000,
      ...statuses.map((status) => counts.get(status) ?? null),
    ].map(csvField);
  });
  return [header.map(csvField), ...lines].map((fields) => `${fields.join(",")}\r\n`).join("");
}
