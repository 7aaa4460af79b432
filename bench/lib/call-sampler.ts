import type { ProviderId } from "../../lib/providers/provider-id";
import type { Simulator } from "../../sim/server";

export const SAMPLE_MS = 100;
const WINDOW_MS = 60_000;

type Series = { provider: ProviderId; batchId?: string };

/**
 * Samples the simulator's call counts (per provider, per batch) every 100 ms. A call is known
 * only to within one sample, so every figure derived here leans towards the scheduler: the
 * rolling minute is shortened by one sample, a first call is dated one sample early.
 */
export function sampleCalls(sim: Simulator, series: readonly Series[]) {
  const samples: { at: number; counts: number[] }[] = [];
  const take = () =>
    samples.push({
      at: performance.now(),
      counts: series.map((item) => sim.callCount(item.provider, item.batchId)),
    });
  take();
  const timer = setInterval(take, SAMPLE_MS);
  const column = (item: Series) =>
    series.findIndex(
      (candidate) => candidate.provider === item.provider && candidate.batchId === item.batchId,
    );
  return {
    stop() {
      clearInterval(timer);
      take();
    },
    /** Most calls within any rolling minute (the whole run if shorter). */
    busiestMinute(item: Series): number {
      const index = column(item);
      let busiest = 0;
      let start = 0;
      for (let end = 0; end < samples.length; end += 1) {
        while (samples[end]!.at - samples[start]!.at > WINDOW_MS - SAMPLE_MS) start += 1;
        busiest = Math.max(busiest, samples[end]!.counts[index]! - samples[start]!.counts[index]!);
      }
      return busiest;
    },
    /** No later than the first call, or null when there was none. */
    firstCallAt(item: Series): number | null {
      const index = column(item);
      const first = samples.find((sample) => sample.counts[index]! > 0);
      return first ? first.at - SAMPLE_MS : null;
    },
  };
}
