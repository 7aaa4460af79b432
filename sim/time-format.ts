/** "2025-11-16T21:30:05Z": whole seconds, as Mindo's and Bolna's docs show them. */
export function isoSeconds(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, "Z");
}

const UNITS = [
  { ms: 86_400_000, one: "a day", many: "days" },
  { ms: 3_600_000, one: "an hour", many: "hours" },
  { ms: 60_000, one: "a minute", many: "minutes" },
  { ms: 1_000, one: "a second", many: "seconds" },
] as const;

/** Bolna's `humanized_created_at`, e.g. "5 minutes ago" (Python humanize style). */
export function humanizeAgo(fromMs: number, nowMs: number): string {
  const elapsed = Math.max(0, nowMs - fromMs);
  for (const unit of UNITS) {
    const count = Math.floor(elapsed / unit.ms);
    if (count === 1) return `${unit.one} ago`;
    if (count > 1) return `${count} ${unit.many} ago`;
  }
  return "now";
}
