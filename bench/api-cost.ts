import { SIM_SCENARIOS } from "../sim/scenarios";
import { startAppStack } from "./lib/app-stack";
import { runClosedLoop, summarizeLoad, type LoadFigures, type LoadSample } from "./lib/closed-loop";
import { percentile } from "./lib/percentile";
import { fixed, formatTable, printBlock, verdict, type BenchResult } from "./lib/report";
import type { BenchContext } from "./lib/context";
import { sleep } from "./lib/sleep";

const MIN_RATIO = 0.9;
const WARM_UP_SECONDS = 2;
// Alternating short rounds: load from anything else on the machine falls on both routes alike.
const ROUNDS = 10;
const BATCH_PATH = `/api/batches/bolna/${SIM_SCENARIOS.bolna.running}`;
const TRIVIAL_PATH = "/api/health";

/** Bounded wait until the scheduler holds a snapshot, so every measured request is a cache read. */
async function waitForSnapshot(url: string, cookie: string): Promise<void> {
  const deadline = Date.now() + 20_000;
  while (Date.now() < deadline) {
    const response = await fetch(url, { headers: { Cookie: cookie } });
    if (response.status === 200) return;
    await sleep(500);
  }
  throw new Error(`${url} gave no snapshot within 20 s.`);
}

const row = (name: string, figures: LoadFigures) => [
  name,
  fixed(figures.rps, 0),
  fixed(figures.p50, 1),
  fixed(figures.p99, 1),
  `${figures.ok}/${figures.requests}`,
];

function spread(trivial: readonly LoadSample[], batch: readonly LoadSample[]): string {
  const rps = (sample: LoadSample) => sample.latencies.length / sample.seconds;
  const ratios = batch.map((sample, index) => rps(sample) / rps(trivial[index]!));
  const [low, mid, high] = [0, 50, 100].map((p) => fixed(percentile(ratios, p)));
  return `min ${low}, median ${mid}, max ${high}`;
}

/** Requests per second of the batch API (signed in, snapshot cached) against a trivial route, same build, same run. */
export async function benchApiCost({ settings, appDir }: BenchContext): Promise<BenchResult> {
  const stack = await startAppStack({ appDir });
  try {
    const headers = { Cookie: stack.cookie, Accept: "application/json" };
    const load = { clients: settings.BENCH_API_CLIENTS, headers };
    await waitForSnapshot(stack.baseUrl + BATCH_PATH, stack.cookie);
    // Warm both routes (code loaded, JIT warm) before either is measured.
    await runClosedLoop(stack.baseUrl + TRIVIAL_PATH, { ...load, seconds: WARM_UP_SECONDS });
    await runClosedLoop(stack.baseUrl + BATCH_PATH, { ...load, seconds: WARM_UP_SECONDS });
    const rounds: { trivial: LoadSample[]; batch: LoadSample[] } = { trivial: [], batch: [] };
    const cpu = { trivial: 0, batch: 0 };
    const seconds = settings.BENCH_API_SECONDS / ROUNDS;
    const measureRound = async (route: "trivial" | "batch", url: string) => {
      const before = stack.appCpuSeconds();
      rounds[route].push(await runClosedLoop(url, { ...load, seconds }));
      cpu[route] += stack.appCpuSeconds() - before;
    };
    for (let round = 0; round < ROUNDS; round += 1) {
      await measureRound("trivial", stack.baseUrl + TRIVIAL_PATH);
      await measureRound("batch", stack.baseUrl + BATCH_PATH);
    }
    const trivial = summarizeLoad(rounds.trivial);
    const batch = summarizeLoad(rounds.batch);
    const cpuMs = {
      trivial: (cpu.trivial * 1_000) / trivial.ok,
      batch: (cpu.batch * 1_000) / batch.ok,
    };
    const ratio = batch.rps / trivial.rps;
    const allServed = batch.ok === batch.requests && trivial.ok === trivial.requests;
    const result: BenchResult = {
      status: verdict(ratio >= MIN_RATIO && allServed),
      summary: `batch ÷ trivial = ${fixed(ratio)}${allServed ? "" : " (some requests did not answer 200)"}`,
    };
    printBlock("api-cost", {
      measured: `${settings.BENCH_API_CLIENTS} keep-alive clients, closed loop, ${settings.BENCH_API_SECONDS} s per route in ${ROUNDS} alternating rounds (after ${WARM_UP_SECONDS} s warm-up each), app and load generator on the same cores`,
      figures: [
        ...formatTable([
          ["route", "req/s", "p50 ms", "p99 ms", "HTTP 200"],
          row(`GET ${TRIVIAL_PATH} (trivial)`, trivial),
          row(
            `GET ${BATCH_PATH.replace(SIM_SCENARIOS.bolna.running, "{running}")} (signed in, cached)`,
            batch,
          ),
        ]),
        `ratio batch ÷ trivial req/s: ${fixed(ratio)}`,
        `per-round ratios (spread shows other load on the machine): ${spread(rounds.trivial, rounds.batch)}`,
        `app CPU per request: trivial ${fixed(cpuMs.trivial)} ms, batch ${fixed(cpuMs.batch)} ms → ` +
          `trivial ÷ batch ${fixed(cpuMs.trivial / cpuMs.batch)} (the req/s ratio a machine running nothing else approaches)`,
      ],
      target: `ratio ≥ ${MIN_RATIO}, every request answered 200`,
      result,
    });
    return result;
  } finally {
    await stack.stop();
  }
}
