import "server-only";
import type { AuditDetails } from "@/lib/audit-event";

const MAX_ENTRIES = 16;
const MAX_TEXT = 200;
// A safety net behind the rule that callers pass none: a value under a name like these is never
// stored, whatever it holds.
const UNSAFE_NAME =
  /key|token|secret|passw|authori[sz]|cookie|signature|credential|recipient|phone|e-?mail/i;

/** The details as stored: flat, short, finite, and without anything named like a secret or recipient data. */
export function safeAuditDetails(details: AuditDetails | undefined): AuditDetails {
  const kept: Record<string, string | number | boolean | null> = {};
  for (const [name, value] of Object.entries(details ?? {})) {
    if (Object.keys(kept).length >= MAX_ENTRIES) break;
    if (UNSAFE_NAME.test(name) || name.length > 40) continue;
    if (typeof value === "number" && !Number.isFinite(value)) continue;
    kept[name] = typeof value === "string" ? clipText(value) : value;
  }
  return kept;
}

export function clipText(text: string): string {
  return text.length > MAX_TEXT ? `${text.slice(0, MAX_TEXT - 1)}…` : text;
}
