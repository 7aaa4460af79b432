import type { ProviderId } from "../lib/providers/provider-id";
import { SIM_KEYS } from "../sim/scenarios";
import { startAppStack, type AppStack } from "./lib/app-stack";
import { startBatchWatchers, type BatchWatchers, type WatchTally } from "./lib/batch-watchers";
import type { BenchContext } from "./lib/context";
import { splitCost, type CostWindow } from "./lib/cost-split";
import { fetchRetrying } from "./lib/fetch-retry";
import { percentile } from "./lib/percentile";
import { fixed, formatTable, printBlock, verdict, type BenchResult } from "./lib/report";
import { scaleBatch, type ScaleBatch } from "./lib/scale-batches";
import { turnOnHooksAndAlerts, type ScaleExtras } from "./lib/scale-extras";
import { sleep } from "./lib/sleep";

const title = "scale";
const MAX_GROWTH = 1.3;
const SOCKETS = 64;
const MIB = 1024 * 1024;
// Every batch keeps running through the run: long past the bench's few minutes.
const SIM_RUN_SECONDS = 3_600;
// Past the viewers' 15 s read timeout, so a first read that waited out the wave of first calls lands before measuring.
const WARM_UP_MIN_MS = 20_000;
const WARM_UP_MAX_MS = 90_000;

type Size = {
  batches: number;
  busy: CostWindow;
  quiet: CostWindow;
  tally: WatchTally;
  rssBytes: number;
  runningBatches: number;
};

/** 10 → 100 → 1,000 running batches across the four providers, each watched by a few viewers. */
export async function benchScale(context: BenchContext): Promise<BenchResult> {
  const { settings, appDir } = context;
  const sizes = settings.BENCH_SCALE_SIZES;
  const viewers = settings.BENCH_SCALE_VIEWERS;
  const seconds = settings.BENCH_SCALE_SECONDS;
  const budget = settings.BENCH_SCALE_BUDGET;
  const budgets = Object.fromEntries((["migma", "mindo", "bolna", "sendgrid"] as const).map((id) => [id, budget])) as Record<ProviderId, number>;
  const endsAtMs = Date.now() + 2 * 3_600_000;
  const batchList = (count: number) => Array.from({ length: count }, (_, n) => scaleBatch(n, endsAtMs));
  const stack = await startAppStack({ appDir, budgets, simDurationSeconds: SIM_RUN_SECONDS, sendgridWebhook: true, env: { ALERTS_ALLOW_PRIVATE_URLS: "1" } });
  let watchers: BatchWatchers | null = null;
  let extras: ScaleExtras | null = null;
  try {
    extras = await turnOnHooksAndAlerts(stack);
    watchers = startBatchWatchers({ baseUrl: stack.baseUrl, cookie: stack.cookie, viewersPerBatch: viewers, sockets: SOCKETS });
    const measured: Size[] = [];
    let watched = 0;
    for (const size of sizes) {
      const fresh = batchList(size).slice(watched);
      await startAtProvider(stack, fresh);
      await extras.addRules(fresh);
      watchers.setActive(viewers);
      watchers.add(fresh);
      watched = size;
      await warmUp(watchers, size);
      console.log(`scale: ${size} batches, ${watchers.runningCount()} running; ${viewers} viewers each for ${seconds} s, then 1 each for ${seconds} s…`);
      const rss: number[] = [];
      const sampler = setInterval(() => rss.push(stack.appRssBytes()), 1_000);
      try {
        const busy = await measureWindow(stack, watchers, seconds);
        watchers.setActive(1);
        const quiet = await measureWindow(stack, watchers, seconds);
        const tally = mergeTallies(busy.tally, quiet.tally);
        measured.push({ batches: size, busy: busy.window, quiet: quiet.window, tally, rssBytes: percentile(rss, 50), runningBatches: watchers.runningCount() });
      } finally {
        clearInterval(sampler);
      }
    }
    return report(measured, { viewers, seconds, budget, extrasOn: extras.on, alertsReceived: extras.received(), rules: extras.rules() });
  } finally {
    await watchers?.stop();
    await extras?.close();
    await stack.stop();
  }
}

/**
 * Fresh Bolna batches start dialling when the simulator first sees them: seen a moment before
 * the app's first poll, they are running then rather than queued at the waiting pace.
 */
async function startAtProvider(stack: AppStack, batches: readonly ScaleBatch[]) {
  const bolna = batches.filter((batch) => batch.provider === "bolna");
  for (let start = 0; start < bolna.length; start += 25)
    await Promise.all(
      bolna.slice(start, start + 25).map((batch) =>
        fetchRetrying(`${stack.sim.url}/batches/${batch.batchId}`, { headers: { Authorization: `Bearer ${SIM_KEYS.bolna}` } }).then((answer) => answer.body?.cancel()),
      ),
    );
}

/** Until every batch has been read and the announced paces have had two rounds to settle. */
async function warmUp(watchers: BatchWatchers, size: number) {
  const started = performance.now();
  watchers.take();
  let longestInterval = 2_000;
  while (performance.now() - started < WARM_UP_MAX_MS) {
    await sleep(2_000);
    const tally = watchers.take();
    longestInterval = Math.max(longestInterval, percentile(tally.intervalMs, 90) || 0);
    const waited = performance.now() - started;
    // The first reads of new batches wait for their first calls: measure once that wave has passed.
    const settled = tally.failed === 0 && watchers.runningCount() >= size * 0.9;
    if (settled && waited >= Math.max(WARM_UP_MIN_MS, 2 * longestInterval)) return;
  }
}

async function measureWindow(stack: AppStack, watchers: BatchWatchers, seconds: number) {
  watchers.take();
  const cpuBefore = stack.appCpuSeconds();
  const callsBefore = stack.sim.callCount();
  const driverBefore = process.cpuUsage();
  const started = performance.now();
  await sleep(seconds * 1_000);
  const tally = watchers.take();
  const window: CostWindow = {
    seconds: (performance.now() - started) / 1_000,
    cpuSeconds: stack.appCpuSeconds() - cpuBefore,
    calls: stack.sim.callCount() - callsBefore,
    reads: tally.ok + tally.notModified,
    driverCpuSeconds: cpuSecondsSince(driverBefore),
  };
  return { window, tally };
}

function cpuSecondsSince(before: NodeJS.CpuUsage): number {
  const used = process.cpuUsage(before);
  return (used.user + used.system) / 1e6;
}

function mergeTallies(a: WatchTally, b: WatchTally): WatchTally {
  return {
    reads: a.reads + b.reads,
    ok: a.ok + b.ok,
    notModified: a.notModified + b.notModified,
    failed: a.failed + b.failed,
    lagMs: [...a.lagMs, ...b.lagMs],
    intervalMs: [...a.intervalMs, ...b.intervalMs],
    running: new Set([...a.running, ...b.running]),
  };
}

type RunInfo = { viewers: number; seconds: number; budget: number; extrasOn: string[]; alertsReceived: number; rules: { created: number; failed: number } };

function report(sizes: readonly Size[], info: RunInfo): BenchResult {
  const figures = sizes.map((size) => {
    const split = splitCost(size.busy, size.quiet);
    const both = { cpu: size.busy.cpuSeconds + size.quiet.cpuSeconds, calls: size.busy.calls + size.quiet.calls, reads: size.busy.reads + size.quiet.reads };
    return {
      size,
      split,
      lagP99: percentile(size.tally.lagMs, 99),
      intervalMs: percentile(size.tally.intervalMs, 50),
      allInPerCallMs: (both.cpu * 1_000) / both.calls,
      allInPerReadMs: (both.cpu * 1_000) / both.reads,
      callsPerSecond: size.busy.calls / size.busy.seconds,
    };
  });
  const first = figures[0]!;
  const last = figures.at(-1)!;
  const memoryPerBatch = sizes.length > 1 ? (last.size.rssBytes - first.size.rssBytes) / (last.size.batches - first.size.batches) : Number.NaN;
  const rows = [["batches", "running", "calls/s", "reads (busy+quiet)", "304 %", "failed", "lag p99 ms", "interval ms", "CPU ms/call", "CPU ms/read", "all-in ms/call", "all-in ms/read", "RSS MiB", "driver CPU %"]];
  for (const f of figures) {
    const { tally } = f.size;
    rows.push([
      String(f.size.batches),
      String(f.size.runningBatches),
      fixed(f.callsPerSecond, 1),
      `${f.size.busy.reads}+${f.size.quiet.reads}`,
      fixed((100 * tally.notModified) / Math.max(1, tally.ok + tally.notModified), 0),
      String(tally.failed),
      fixed(f.lagP99, 0),
      fixed(f.intervalMs, 0),
      fixed(f.split.perCallMs, 2),
      fixed(f.split.perReadMs, 2),
      fixed(f.allInPerCallMs, 2),
      fixed(f.allInPerReadMs, 2),
      fixed(f.size.rssBytes / MIB, 0),
      fixed((100 * ((f.size.busy.driverCpuSeconds ?? 0) + (f.size.quiet.driverCpuSeconds ?? 0))) / (f.size.busy.seconds + f.size.quiet.seconds), 0),
    ]);
  }
  // Judged on the all-in figures: the split's difference of two small CPU totals is noise at 10 batches.
  const callGrowth = last.allInPerCallMs / first.allInPerCallMs;
  const readGrowth = last.allInPerReadMs / first.allInPerReadMs;
  const at = (f: (typeof figures)[number]) => `${f.size.batches} batches`;
  const problems = [
    ...(sizes.length > 1 && callGrowth <= MAX_GROWTH ? [] : [`CPU per upstream call ${fixed(callGrowth)}× from ${at(first)} to ${at(last)}`]),
    ...(sizes.length > 1 && readGrowth <= MAX_GROWTH ? [] : [`CPU per viewer read ${fixed(readGrowth)}× from ${at(first)} to ${at(last)}`]),
    ...figures.filter((f) => !(f.lagP99 < f.intervalMs)).map((f) => `scheduler lag p99 ${fixed(f.lagP99, 0)} ms at ${at(f)}, not under the ${fixed(f.intervalMs, 0)} ms interval`),
    ...figures.filter((f) => f.size.busy.reads === 0 || f.size.busy.calls === 0).map((f) => `no reads or no calls at ${at(f)}`),
    ...figures.filter((f) => f.size.tally.failed > 0.01 * f.size.tally.reads).map((f) => `${f.size.tally.failed} of ${f.size.tally.reads} viewer reads failed at ${at(f)} (the app could not keep up)`),
  ];
  const result: BenchResult = {
    status: verdict(problems.length === 0),
    summary:
      problems.length > 0
        ? problems.join("; ")
        : `${at(last)}: CPU/call ×${fixed(callGrowth)}, CPU/read ×${fixed(readGrowth)} of ${at(first)}, lag p99 ${fixed(last.lagP99, 0)} ms < ${fixed(last.intervalMs, 0)} ms, ${fixed(memoryPerBatch / 1024, 0)} KiB per batch`,
  };
  printBlock(title, {
    measured:
      `${sizes.map((size) => size.batches).join(" → ")} running simulator batches round Migma, Mindo, Bolna and SendGrid (budgets ${info.budget} calls a minute each), added to one app; ` +
      `${info.viewers} HTTP viewers per batch poll GET /api/batches/… with If-None-Match at the announced pace (polling.viewerPaceMs, else intervalMs); at each size ${info.seconds} s with every viewer, then ${info.seconds} s with one per batch. ` +
      `CPU per read = extra app CPU ÷ extra reads between the two windows; CPU per call = the rest of the one-viewer window (polls, webhook ingest, alert evaluation, timers) ÷ upstream calls the simulator counted; ` +
      `"all-in" = all app CPU over both windows ÷ calls or ÷ reads. Lag = how far past the answer's polling.nextUpdateAt a read asked (0 when on time), the app's scheduler-lag metric; RSS = median of 1 s samples of next start's resident memory; driver CPU = this process (viewers and simulator), 100 % = one core; ` +
      `on throughout: ${info.extrasOn.join("; ")}`,
    figures: [
      ...formatTable(rows),
      `all-in CPU per call, ${at(last)} ÷ ${at(first)}: ${fixed(callGrowth)}; per read: ${fixed(readGrowth)} (the split columns are the marginal costs, informative only: at small sizes they are the difference of two small totals)`,
      `memory per batch: ${fixed(memoryPerBatch / 1024, 0)} KiB ((RSS at ${last.size.batches} − RSS at ${first.size.batches}) ÷ ${last.size.batches - first.size.batches} batches)`,
      `alert rules created: ${info.rules.created}${info.rules.failed > 0 ? ` (${info.rules.failed} refused or dropped by the loaded app)` : ""}; alert messages received: ${info.alertsReceived}`,
    ],
    target: `all-in CPU per call and per read at ${at(last)} ≤ ${MAX_GROWTH} × at ${at(first)}; scheduler lag p99 under the announced poll interval at every size; at most 1 % of viewer reads failed; memory per batch stated`,
    result,
  });
  return result;
}
