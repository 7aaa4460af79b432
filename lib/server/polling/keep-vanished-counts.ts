import type { BatchCount, BatchSnapshot } from "@/lib/batch-snapshot";

/**
 * Some providers list only the statuses that have items (Bolna's execution_status drops
 * "ringing" once the last call picks up). A counter once shown stays, at zero, in its place, so
 * views do not shift and the count reads as "none left" rather than "not reported".
 */
export function keepVanishedCounts(previous: BatchSnapshot | null, next: BatchSnapshot): BatchSnapshot {
  if (!previous || previous.counts.length === 0) return next;
  const present = new Set(next.counts.map((count) => count.status));
  if (previous.counts.every((count) => present.has(count.status))) return next;
  const counts: BatchCount[] = [...next.counts];
  previous.counts.forEach((count, index) => {
    if (present.has(count.status)) return;
    // Right after the nearest earlier status that is still listed, else first.
    const before = previous.counts.slice(0, index).findLast((earlier) => present.has(earlier.status));
    const at = before ? counts.findIndex((listed) => listed.status === before.status) + 1 : 0;
    counts.splice(at, 0, { ...count, count: 0 });
    present.add(count.status);
  });
  return { ...next, counts };
}
