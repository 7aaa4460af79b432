// The progress model: a batch's work is spread evenly over its run, so every counter is a pure
// function of (run, now). Counters only ever grow, and each provider's invariants hold at any time.

export type Run = { startMs: number; durationMs: number };

/** Share of the run done at `now` (0..1), looking back `lag` shares of the duration. */
export function shareDone(run: Run, now: number, lag = 0): number {
  if (run.durationMs <= 0) return now >= run.startMs ? 1 : 0;
  return Math.min(1, Math.max(0, (now - run.startMs) / run.durationMs - lag));
}

export type Tally = { processed: number; succeeded: number; failed: number; remaining: number };

/** How `total` items split after `share` of them were processed, failing at `failRate`. */
export function tally(total: number, share: number, failRate: number): Tally {
  const processed = Math.floor(total * share);
  const failed = Math.floor(processed * failRate);
  return { processed, succeeded: processed - failed, failed, remaining: total - processed };
}

export type Funnel = Tally & { delivered: number; read: number };

// Delivery receipts trail sends, and reads trail deliveries, so both keep rising after the
// send finishes, as Mindo's do (they arrive through Meta webhooks).
const RECEIPT_LAG = 0.08;
const DELIVERY_RATE = 0.96;
const READ_RATE = 0.62;

/** Mindo-style funnel: read ⊆ delivered ⊆ sent, sent + failed + pending = total. */
export function funnel(total: number, run: Run, now: number, failRate: number): Funnel {
  const sentBy = (lag: number) => tally(total, shareDone(run, now, lag), failRate).succeeded;
  const deliveredBy = (lag: number) => Math.floor(sentBy(lag) * DELIVERY_RATE);
  return {
    ...tally(total, shareDone(run, now), failRate),
    delivered: deliveredBy(RECEIPT_LAG),
    read: Math.floor(deliveredBy(2 * RECEIPT_LAG) * READ_RATE),
  };
}
