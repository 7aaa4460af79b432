// The server stamps every snapshot with its own clock; the browser's may be off (a wall TV that
// never synced). Each answer's Date header tells roughly how far apart the two are, so the views
// can age the server's timestamps on the browser's clock.

const SAMPLES = 5;
/** The Date header has one-second resolution: a smaller gap is noise, not skew. */
const NOISE_MS = 1_500;
const samples: number[] = [];

/** Notes one answer's Date header, received at `receivedAt` on this clock. */
export function noteServerDate(header: string | null, receivedAt = Date.now()): void {
  const serverMs = header ? Date.parse(header) : Number.NaN;
  if (Number.isNaN(serverMs)) return;
  // The header is cut to the second it was written in: its middle is the best guess.
  samples.push(serverMs + 500 - receivedAt);
  if (samples.length > SAMPLES) samples.shift();
}

/** Server time minus this clock's, the median of recent answers; 0 while within the noise. */
export function serverClockOffsetMs(): number {
  if (samples.length === 0) return 0;
  const sorted = [...samples].sort((a, b) => a - b);
  const median = sorted[Math.floor(sorted.length / 2)]!;
  return Math.abs(median) < NOISE_MS ? 0 : median;
}

/** A server timestamp (epoch ms) on this browser's clock. */
export function toLocalTime(serverMs: number): number {
  return serverMs - serverClockOffsetMs();
}
