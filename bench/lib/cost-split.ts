/** One measuring window: the app's CPU, its upstream calls and the viewer reads it answered. */
export type CostWindow = {
  seconds: number;
  cpuSeconds: number;
  calls: number;
  reads: number;
  /** CPU of this process meanwhile: the viewers and the simulator, to tell a saturated load generator from a slow app. */
  driverCpuSeconds?: number;
};

export type CostSplit = {
  /** App CPU ms per viewer read: the extra CPU of the extra reads. */
  perReadMs: number;
  /** App CPU ms per upstream call: everything that is not a viewer read (polls, webhooks, alerts, timers), per call. */
  perCallMs: number;
};

/**
 * Two windows of the same batches, one with every viewer polling and one with a single viewer
 * per batch: the scheduler makes the same calls in both (reads never cause calls), so the
 * difference in CPU a second over the difference in reads a second is what a read costs, and
 * what is left of the quieter window is the scheduler's, per call.
 */
export function splitCost(busy: CostWindow, quiet: CostWindow): CostSplit {
  const rate = (window: CostWindow, value: number) => value / window.seconds;
  const extraReads = rate(busy, busy.reads) - rate(quiet, quiet.reads);
  const perRead = extraReads > 0 ? (rate(busy, busy.cpuSeconds) - rate(quiet, quiet.cpuSeconds)) / extraReads : Number.NaN;
  const rest = rate(quiet, quiet.cpuSeconds) - perRead * rate(quiet, quiet.reads);
  const calls = rate(quiet, quiet.calls);
  return { perReadMs: perRead * 1_000, perCallMs: calls > 0 ? (rest / calls) * 1_000 : Number.NaN };
}
