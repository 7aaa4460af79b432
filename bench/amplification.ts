import type { ProviderId } from "../lib/providers/provider-id";
import { SIM_SCENARIOS } from "../sim/scenarios";
import {
  describeRun,
  judgeRun,
  MAX_RATIO,
  MIN_SERVED,
  totalCalls,
  type AmplificationRun,
} from "./amplification-report";
import { startAppStack } from "./lib/app-stack";
import { cadenceAllows } from "./lib/cadence-allows";
import { sampleCalls } from "./lib/call-sampler";
import type { BenchContext } from "./lib/context";
import { fixed, printBlock, verdict, type BenchResult } from "./lib/report";
import { runViewers, type PollingObservation, type WatchedBatch } from "./lib/viewers";

const VIEWER_COUNTS = [1, 200] as const;
const POLL_EVERY_MS = 200;
const SOCKETS = 16;

// Distinct running batches the simulator knows: each provider's running and running-fast.
const PROVIDERS = ["migma", "mindo", "bolna"] as const satisfies readonly ProviderId[];
const BATCHES: WatchedBatch[] = PROVIDERS.flatMap((provider) =>
  (["running", "running-fast"] as const).map((scenario) => ({
    provider,
    batchId: SIM_SCENARIOS[provider][scenario],
    label: `${provider} ${scenario}`,
  })),
);

/** One fresh app and simulator per run, so no run inherits another's schedule. */
async function measure(
  viewers: number,
  { settings, appDir }: BenchContext,
): Promise<AmplificationRun> {
  const stack = await startAppStack({ appDir });
  try {
    const seen = new Map<WatchedBatch, PollingObservation[]>(BATCHES.map((batch) => [batch, []]));
    stack.sim.resetCounts();
    const sampler = sampleCalls(stack.sim, [
      ...PROVIDERS.map((provider) => ({ provider })),
      ...BATCHES,
    ]);
    const until = performance.now() + settings.BENCH_SECONDS * 1_000;
    // Counted when the window closes, not when the last viewer's request returns.
    const windowClosed = new Promise<Map<WatchedBatch, number>>((resolve) =>
      setTimeout(() => {
        sampler.stop();
        resolve(new Map(BATCHES.map((b) => [b, stack.sim.callCount(b.provider, b.batchId)])));
      }, until - performance.now()),
    );
    const figures = await runViewers({
      baseUrl: stack.baseUrl,
      cookie: stack.cookie,
      batches: BATCHES,
      viewers,
      until,
      everyMs: POLL_EVERY_MS,
      sockets: SOCKETS,
      observe: (batch, observation) => {
        // Every change, and otherwise four a second: 200 viewers would keep thousands.
        const list = seen.get(batch);
        const last = list?.at(-1);
        const changed = last?.intervalMs !== observation.intervalMs;
        if (!last || changed || observation.at - last.at >= 250) list?.push(observation);
      },
    });
    const calls = await windowClosed;
    const budgetOf = (provider: ProviderId) =>
      Math.max(
        ...BATCHES.filter((b) => b.provider === provider)
          .flatMap((b) => seen.get(b) ?? [])
          .map((o) => o.budgetPerMinute),
      );
    return {
      viewers,
      seconds: settings.BENCH_SECONDS,
      batches: BATCHES.map((batch) => ({
        batch,
        calls: calls.get(batch) ?? 0,
        allowed: cadenceAllows(seen.get(batch) ?? [], sampler.firstCallAt(batch) ?? until, until),
        intervalMs: seen.get(batch)?.at(-1)?.intervalMs ?? Number.NaN,
      })),
      providers: PROVIDERS.map((provider) => ({
        provider,
        budget: budgetOf(provider),
        busiestMinute: sampler.busiestMinute({ provider }),
      })),
      served: figures.requests === 0 ? 0 : figures.ok / figures.requests,
      rps: figures.rps,
      p99: figures.p99,
    };
  } finally {
    await stack.stop();
  }
}

/** Upstream calls per batch as the number of viewers grows from 1 to 200. */
export async function benchAmplification(context: BenchContext): Promise<BenchResult> {
  const runs: AmplificationRun[] = [];
  for (const viewers of VIEWER_COUNTS) runs.push(await measure(viewers, context));
  const totals = runs.map(totalCalls);
  const problems = runs.flatMap(judgeRun);
  const result: BenchResult = {
    status: verdict(problems.length === 0),
    summary:
      problems.length > 0
        ? problems.join("; ")
        : `upstream calls ${totals.join(" → ")} for V = ${VIEWER_COUNTS.join(" → ")}`,
  };
  printBlock("amplification", {
    measured:
      `${BATCHES.length} running batches (${PROVIDERS.join(", ")}) polled by V viewers every ${POLL_EVERY_MS} ms ` +
      `for ${context.settings.BENCH_SECONDS} s through ${SOCKETS} keep-alive connections; upstream calls counted by the simulator. ` +
      `"allowed" = the calls a punctual scheduler makes from the batch's first call, one per interval the API reported (after the budget is shared)`,
    figures: [
      ...runs.flatMap(describeRun),
      `upstream calls, V = ${VIEWER_COUNTS.at(-1)} ÷ V = 1: ${fixed((totals.at(-1) ?? 0) / (totals[0] ?? Number.NaN))}`,
    ],
    target: `calls ÷ allowed ≤ ${MAX_RATIO} for every batch at V = 1 and V = 200; no provider above its budget in any rolling minute; ≥ ${MIN_SERVED * 100} % of viewer requests answered 200`,
    result,
  });
  return result;
}
