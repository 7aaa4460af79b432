import { EMPTY_VALUE, formatCount, formatDuration } from "./format";

// Pace figures: measured throughput and the ETA range derived from it.

/** "1,240/min", "4.5/min" for slow batches, "—" when unknown. */
export function formatRate(perMinute: number | null | undefined): string {
  if (perMinute === null || perMinute === undefined || !Number.isFinite(perMinute) || perMinute < 0)
    return EMPTY_VALUE;
  if (perMinute > 0 && perMinute < 10) return `${Math.round(perMinute * 10) / 10}/min`;
  return `${formatCount(perMinute)}/min`;
}

/** "about 12–15 min", "about 40 s–2 min", "about 5 min": one unit when both ends share it. */
export function formatEtaRange(lowSeconds: number, highSeconds: number): string {
  const low = formatDuration(lowSeconds);
  const high = formatDuration(highSeconds);
  if (low === high) return `about ${low}`;
  const lowUnit = low.match(/^(\d+) (s|min|h|d)$/);
  const highUnit = high.match(/^(\d+) (s|min|h|d)$/);
  if (lowUnit && highUnit && lowUnit[2] === highUnit[2]) {
    return `about ${lowUnit[1]}–${highUnit[1]} ${highUnit[2]}`;
  }
  return `about ${low}–${high}`;
}
