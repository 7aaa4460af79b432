// Display formatting shared by every view. Numbers use one fixed locale so the server render,
// the browser and the tests agree; dates use the viewer's locale unless told otherwise.

const countFormat = new Intl.NumberFormat("en-US", { maximumFractionDigits: 0 });

const SECOND = 1_000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

export const EMPTY_VALUE = "—";

/** "emails" → "Emails". */
export function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

export function formatCount(value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return EMPTY_VALUE;
  return countFormat.format(value);
}

/** A 0..1 ratio as a whole percent, rounded down so 99.6 % never reads as done. */
export function toWholePercent(ratio: number | null | undefined): number | null {
  if (ratio === null || ratio === undefined || !Number.isFinite(ratio)) return null;
  const clamped = Math.min(1, Math.max(0, ratio));
  // The epsilon keeps 0.29 * 100 = 28.999… at 29 without rounding 99.99 % up to 100.
  return Math.floor(clamped * 100 + 1e-9);
}

export function formatPercent(ratio: number | null | undefined): string {
  const percent = toWholePercent(ratio);
  return percent === null ? EMPTY_VALUE : `${percent}%`;
}

/** The share of `count` in `total`, or null when the total is unknown or zero. */
export function shareOf(count: number, total: number | null): number | null {
  if (total === null || !Number.isFinite(total) || total <= 0) return null;
  return count / total;
}

/**
 * A part of a whole: a small non-zero share reads "<1%", not "0%", and a part larger than the
 * reported whole (providers do this) shows as it is rather than clamped to 100%.
 */
export function formatShare(ratio: number | null | undefined): string {
  if (ratio === null || ratio === undefined || !Number.isFinite(ratio) || ratio < 0)
    return EMPTY_VALUE;
  if (ratio > 0 && ratio < 0.01) return "<1%";
  return `${Math.floor(ratio * 100 + 1e-9)}%`;
}

/** A span of time in words: "45 s", "12 min", "2 h 5 min", "3 d 4 h". */
export function formatDuration(seconds: number | null | undefined): string {
  if (seconds === null || seconds === undefined || !Number.isFinite(seconds) || seconds < 0) {
    return EMPTY_VALUE;
  }
  const ms = Math.round(seconds) * SECOND;
  if (ms < MINUTE) return `${ms / SECOND} s`;
  if (ms < HOUR) return `${Math.floor(ms / MINUTE)} min`;
  if (ms < DAY) {
    const minutes = Math.floor((ms % HOUR) / MINUTE);
    return minutes > 0 ? `${Math.floor(ms / HOUR)} h ${minutes} min` : `${Math.floor(ms / HOUR)} h`;
  }
  const hours = Math.floor((ms % DAY) / HOUR);
  return hours > 0 ? `${Math.floor(ms / DAY)} d ${hours} h` : `${Math.floor(ms / DAY)} d`;
}

function largestUnit(ms: number): string {
  if (ms < MINUTE) return `${Math.floor(ms / SECOND)} s`;
  if (ms < HOUR) return `${Math.floor(ms / MINUTE)} min`;
  if (ms < DAY) return `${Math.floor(ms / HOUR)} h`;
  return `${Math.floor(ms / DAY)} d`;
}

/** "just now", "5 s ago", "3 min ago", "in 2 h": one unit, rounded down, never negative. */
export function formatRelativeTime(thenMs: number, nowMs: number): string {
  const diff = nowMs - thenMs;
  if (Math.abs(diff) < SECOND) return "just now";
  return diff > 0 ? `${largestUnit(diff)} ago` : `in ${largestUnit(-diff)}`;
}

/** Milliseconds since the epoch, or null for a missing or unreadable timestamp. */
export function parseTimestamp(iso: string | null | undefined): number | null {
  if (!iso) return null;
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? null : ms;
}

export type DateTimeOptions = { locale?: string; timeZone?: string };

/** "14:50" on the day of `nowMs`, else "3 Mar 2026, 14:50": a moment people plan around. */
export function formatMoment(ms: number, nowMs: number, options: DateTimeOptions = {}): string {
  const day = (at: number) =>
    new Intl.DateTimeFormat(options.locale, { dateStyle: "short", timeZone: options.timeZone }).format(at);
  const sameDay = day(ms) === day(nowMs);
  return new Intl.DateTimeFormat(options.locale, {
    ...(sameDay ? {} : { dateStyle: "medium" as const }),
    timeStyle: "short",
    timeZone: options.timeZone,
  }).format(ms);
}

export function formatDateTime(
  iso: string | null | undefined,
  options: DateTimeOptions = {},
): string {
  const ms = parseTimestamp(iso);
  if (ms === null) return EMPTY_VALUE;
  return new Intl.DateTimeFormat(options.locale, {
    dateStyle: "medium",
    timeStyle: "medium",
    timeZone: options.timeZone,
  }).format(ms);
}
