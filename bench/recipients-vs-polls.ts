import { Agent } from "node:http";
import { SIM_SCENARIOS } from "../sim/scenarios";
import type { Simulator } from "../sim/server";
import { startAppStack } from "./lib/app-stack";
import type { BenchContext } from "./lib/context";
import { timedGet } from "./lib/http-get";
import { gapFigures, GAP_NOISE_MS, GAP_NOISE_RATIO, pollsUndelayed, type GapFigures } from "./lib/poll-gaps";
import { fixed, printBlock, verdict, type BenchResult } from "./lib/report";
import { sleep } from "./lib/sleep";

// A running Mindo send: the tightest default budget (60 calls a minute), so recipient reads that
// took from the status polls' share would show first here.
const PROVIDER = "mindo";
const BATCH_ID = SIM_SCENARIOS.mindo.running;
const STATUS_EVERY_MS = 1_000;
const PANEL_EVERY_MS = 250;
const SAMPLE_MS = 20;
// A panel being used: every filter, page after page, and now and then the whole list as CSV.
const PANEL_ASKS = ["failure", "success", "all", "unreached", "active", "pending"] as const;

/** When the simulator answered each status call of the batch (to within SAMPLE_MS). */
function recordStatusCalls(sim: Simulator) {
  const times: number[] = [];
  let last = sim.callCount(PROVIDER, BATCH_ID);
  const timer = setInterval(() => {
    const now = sim.callCount(PROVIDER, BATCH_ID);
    for (; last < now; last += 1) times.push(performance.now());
  }, SAMPLE_MS);
  return { times, stop: () => clearInterval(timer) };
}

async function loop(until: number, everyMs: number, step: (tick: number) => Promise<void>) {
  for (let tick = 0; performance.now() < until; tick += 1) {
    const started = performance.now();
    await step(tick);
    await sleep(Math.min(started + everyMs, until) - performance.now());
  }
}

/** One app, one batch: a phase with the batch page alone, then the same with its recipients panel in use. */
export async function benchRecipientsVsPolls({ settings, appDir }: BenchContext): Promise<BenchResult> {
  const stack = await startAppStack({ appDir });
  const agent = new Agent({ keepAlive: true, maxSockets: 4 });
  const headers = { Cookie: stack.cookie, Accept: "application/json" };
  const base = `${stack.baseUrl}/api/batches/${PROVIDER}/${BATCH_ID}`;
  const phaseMs = settings.BENCH_SECONDS * 1_000;
  const panelAnswers = new Map<number, number>();
  try {
    const warmUntil = performance.now() + 5_000;
    await loop(warmUntil, STATUS_EVERY_MS, async () => void (await timedGet(base, { agent, headers, timeoutMs: 15_000 })));
    const calls = recordStatusCalls(stack.sim);
    const viewerUntil = performance.now() + 2 * phaseMs;
    const viewer = loop(viewerUntil, STATUS_EVERY_MS, async () => void (await timedGet(base, { agent, headers, timeoutMs: 15_000 })));
    const panelFrom = performance.now() + phaseMs;
    await sleep(phaseMs);
    const cursors = new Map<string, string | null>();
    const panel = loop(viewerUntil, PANEL_EVERY_MS, async (tick) => {
      const outcome = PANEL_ASKS[tick % PANEL_ASKS.length]!;
      const csv = tick % 40 === 39;
      const query = new URLSearchParams(outcome === "all" ? {} : { outcome });
      const cursor = cursors.get(outcome);
      if (cursor && !csv) query.set("cursor", cursor);
      const result = await timedGet(`${base}/recipients${csv ? ".csv" : ""}?${query}`, { agent, headers, timeoutMs: 15_000, keepBody: !csv });
      panelAnswers.set(result.status, (panelAnswers.get(result.status) ?? 0) + 1);
      if (!csv && result.status === 200 && result.body) cursors.set(outcome, (JSON.parse(result.body) as { nextCursor: string | null }).nextCursor);
    });
    await Promise.all([viewer, panel]);
    calls.stop();
    const without = gapFigures(calls.times.filter((at) => at < panelFrom));
    const withPanel = gapFigures(calls.times.filter((at) => at >= panelFrom));
    return report(without, withPanel, panelAnswers, settings.BENCH_SECONDS);
  } finally {
    agent.destroy();
    await stack.stop();
  }
}

function report(without: GapFigures, withPanel: GapFigures, answers: Map<number, number>, seconds: number): BenchResult {
  const ok = pollsUndelayed(without, withPanel);
  const served = [...answers].map(([status, count]) => `${count}× ${status}`).join(", ") || "none";
  const line = (name: string, figures: GapFigures) =>
    `${name.padEnd(22)} ${String(figures.calls).padStart(4)} status polls, gap median ${fixed(figures.medianMs / 1_000)} s, p90 ${fixed(figures.p90Ms / 1_000)} s`;
  const result: BenchResult = {
    status: verdict(ok),
    summary: `status poll gap ${fixed(without.medianMs / 1_000)} s → ${fixed(withPanel.medianMs / 1_000)} s with the recipients panel in use`,
  };
  printBlock("recipients-vs-polls", {
    measured: `one running ${PROVIDER} batch polled by the scheduler, a viewer reading it every ${STATUS_EVERY_MS} ms; ${seconds} s alone, then ${seconds} s with a recipients panel asking every ${PANEL_EVERY_MS} ms (every filter, page after page, the CSV every 10 s), same run`,
    figures: [line("panel closed", without), line("panel in use", withPanel), `recipient requests answered: ${served}`],
    target: `no increase beyond noise: median and p90 gap with the panel ≤ without × ${1 + GAP_NOISE_RATIO} + ${GAP_NOISE_MS} ms`,
    result,
  });
  return result;
}
