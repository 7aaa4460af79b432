import "server-only";
import type { RecipientReason } from "@/lib/recipients";
import type { RecipientRow } from "@/lib/recipient-row";

/** The label of a row that did not succeed and whose provider said nothing about why. */
export const NO_REASON = "No reason given";

const didNotSucceed = (row: RecipientRow) => row.outcome === "failure" || row.outcome === "unreached";

/**
 * Rows a search keeps: the text anywhere in the recipient, status or reason, case-insensitively;
 * a number typed with other spacing or punctuation than the provider's still matches.
 */
export function recipientMatcher(query: string | undefined): (row: RecipientRow) => boolean {
  const text = query?.trim().toLowerCase() ?? "";
  if (!text) return () => true;
  const digits = /^[\d\s()+.-]+$/.test(text) ? text.replace(/\D/g, "") : "";
  return (row) =>
    [row.recipient, row.status, row.reason ?? ""].some((field) => field.toLowerCase().includes(text)) ||
    (digits.length >= 3 && row.recipient.replace(/\D/g, "").includes(digits));
}

/** The rows that did not succeed, by reason, most first (then by name, so the order is stable). */
export function groupReasons(rows: readonly RecipientRow[]): { reasons: RecipientReason[]; rows: number } {
  const counts = new Map<string, number>();
  let failed = 0;
  for (const row of rows) {
    if (!didNotSucceed(row)) continue;
    failed += 1;
    const reason = row.reason?.trim() || NO_REASON;
    counts.set(reason, (counts.get(reason) ?? 0) + 1);
  }
  const reasons = [...counts].map(([reason, count]) => ({ reason, count }));
  reasons.sort((a, b) => b.count - a.count || a.reason.localeCompare(b.reason));
  return { reasons, rows: failed };
}
