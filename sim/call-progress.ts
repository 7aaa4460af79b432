// Bolna's per-call pipeline: each contact is dialled at its own moment of the run, then moves
// queued → ringing → in-progress → call-disconnected → completed, unless it ends busy,
// unanswered or failed. Every call is over by 92% of the run.

export type CallMix = { failed: number; busy: number; noAnswer: number };

export const NORMAL_MIX: CallMix = { failed: 0.02, busy: 0.04, noAnswer: 0.08 };

const DIAL_SPREAD = 0.7;
const RING = 0.03;
const TALK = 0.07;
const POST_CALL = 0.12;

const STATUS_ORDER = [
  "queued",
  "ringing",
  "in-progress",
  "call-disconnected",
  "completed",
  "no-answer",
  "busy",
  "failed",
  "stopped",
] as const;

export type CallStatus = (typeof STATUS_ORDER)[number];

/**
 * execution_status for `contacts` calls at `share` of the run. With `stopAt`, calls not dialled
 * by that share are "stopped" (calls already in flight finish).
 */
export function callStatusCounts(
  contacts: number,
  share: number,
  mix: CallMix,
  stopAt?: number,
): Record<string, number> {
  const counts: Partial<Record<CallStatus, number>> = {};
  for (let i = 0; i < contacts; i++) {
    const status = callStatus(i, contacts, share, mix, stopAt);
    counts[status] = (counts[status] ?? 0) + 1;
  }
  // Only statuses that have calls appear, in pipeline order.
  const ordered: Record<string, number> = {};
  for (const status of STATUS_ORDER) {
    const n = counts[status];
    if (n) ordered[status] = n;
  }
  return ordered;
}

/** Where contact `index` of `contacts` is at `share` of the run (see callStatusCounts). */
export function callStatus(
  index: number,
  contacts: number,
  share: number,
  mix: CallMix,
  stopAt: number | undefined,
): CallStatus {
  const dialAt = dialShare(index, contacts);
  if (stopAt !== undefined && dialAt >= stopAt) return share >= stopAt ? "stopped" : "queued";
  const t = share - dialAt;
  if (t <= 0) return "queued";
  const roll = unitHash(index);
  if (roll < mix.failed) return "failed";
  if (roll < mix.failed + mix.busy) return t < RING / 3 ? "ringing" : "busy";
  if (roll < mix.failed + mix.busy + mix.noAnswer) return t < RING ? "ringing" : "no-answer";
  if (t < RING) return "ringing";
  if (t < RING + TALK) return "in-progress";
  if (t < RING + TALK + POST_CALL) return "call-disconnected";
  return "completed";
}

/** When contact `index` is dialled, as a share of the run. */
export function dialShare(index: number, contacts: number): number {
  return (DIAL_SPREAD * index) / contacts;
}

/** A stable pseudo-random number in [0, 1) per contact, so outcomes never flip between polls. */
function unitHash(index: number): number {
  return (Math.imul(index + 1, 2654435761) >>> 0) / 2 ** 32;
}
