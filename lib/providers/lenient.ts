import "server-only";
import { z } from "zod";

// Building blocks for tolerant provider schemas: the docs are unsure about several fields, so a
// missing field, a number sent as a string or an impossible timestamp becomes null, never a throw.

/** A non-negative count: numbers or numeric strings; anything else → null. */
export const lenientCount = z.preprocess((value) => {
  const n = typeof value === "string" && value.trim() !== "" ? Number(value) : value;
  return typeof n === "number" && Number.isFinite(n) && n >= 0 ? n : null;
}, z.number().nullable());

/** Any finite number (possibly fractional): numbers or numeric strings; anything else → null. */
export const lenientNumber = z.preprocess((value) => {
  const n = typeof value === "string" && value.trim() !== "" ? Number(value) : value;
  return typeof n === "number" && Number.isFinite(n) ? n : null;
}, z.number().nullable());

/** A string or null; numbers become strings (ids drift between types across doc pages). */
export const lenientString = z.preprocess((value) => {
  if (typeof value === "string") return value;
  if (typeof value === "number" && Number.isFinite(value)) return String(value);
  return null;
}, z.string().nullable());

/**
 * An ISO timestamp normalised to `toISOString()`, or null when missing or impossible.
 * Strict on the calendar: Bolna's own example `2024-02-29T04:22:89Z` (89 seconds) is null, where
 * `Date.parse` in some engines would roll it over into the next minute.
 */
export const lenientTimestamp = z.preprocess((value) => toIsoOrNull(value), z.string().nullable());

const ISO_PATTERN =
  /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/;

export function toIsoOrNull(value: unknown): string | null {
  if (typeof value !== "string") return null;
  const match = ISO_PATTERN.exec(value.trim());
  if (!match) return null;
  const [, y, mo, d, h, mi, s = "0"] = match;
  const year = Number(y), month = Number(mo), day = Number(d);
  const hour = Number(h), minute = Number(mi), second = Number(s);
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth) return null;
  if (hour > 23 || minute > 59 || second > 59) return null;
  // Without a zone the provider means UTC; append Z so the reading does not depend on our TZ.
  const text = match[8] ? value.trim() : `${value.trim()}Z`;
  const time = Date.parse(text.replace(" ", "T"));
  return Number.isNaN(time) ? null : new Date(time).toISOString();
}

/** Clamp a ratio into 0..1, or null when the total is unknown or zero. */
export function progressOf(processed: number, total: number | null): number | null {
  if (total === null || total <= 0) return null;
  return Math.min(1, Math.max(0, processed / total));
}
