import type { Page } from "@playwright/test";
import { SIM_KEYS } from "../sim/scenarios";
import { startAppStack, type AppStack } from "./lib/app-stack";
import type { BenchContext } from "./lib/context";
import { launchChromium, signedInContext } from "./lib/page-endurance";
import { percentile } from "./lib/percentile";
import { fixed, printBlock, verdict, type BenchResult } from "./lib/report";
import { sleep } from "./lib/sleep";

// How long a change at Bolna takes to reach the batch API and an open batch page in Chromium:
// a batch stopped at the simulator, seen by the scheduler's own polls (no webhook), then the
// same with the connection's hook live and the execution event posted as Bolna would.

const TRIALS = 8;
const API_SAMPLE_MS = 25;
const CHANGE_WAIT_MS = 30_000;
/** Above the announced pace: a poll's round trip, a render, the sampling. */
const NOISE_MS = 500;
/** The bar for a pushed change: on every open page within 2 s. */
const PUSHED_PAGE_TARGET_MS = 2_000;
const PUSHED_API_TARGET_MS = 1_000;

type Mode = "poll" | "webhook";
type Trial = { apiMs: number; pageMs: number; paceMs: number };
type BatchBody = { state: string; polling?: { intervalMs: number; viewerPaceMs?: number } };

let trialCount = 0;
const freshBatchId = () => `c0ffee${(Date.now() * 100 + (trialCount += 1)).toString(16).padStart(26, "0").slice(-26)}`;

export async function benchFreshness({ settings, appDir }: BenchContext): Promise<BenchResult> {
  const stack = await startAppStack({ appDir, simDurationSeconds: 1_200 });
  const browser = await launchChromium(settings.CHROMIUM_PATH);
  try {
    const context = await signedInContext(browser, stack.baseUrl, stack.cookie);
    const page = await context.newPage();
    const polled: Trial[] = [];
    for (let index = 0; index < TRIALS; index += 1) polled.push(await trial(stack, page, "poll", null));
    const hookUrl = await createHook(stack);
    // One event makes the hook live: the pages opened after it start at the quicker pace.
    await postEvent(hookUrl, execution(freshBatchId(), "warm-up", "ringing"));
    const pushed: Trial[] = [];
    for (let index = 0; index < TRIALS; index += 1) pushed.push(await trial(stack, page, "webhook", hookUrl));
    return report(polled, pushed);
  } finally {
    await browser.close();
    await stack.stop();
  }
}

async function trial(stack: AppStack, page: Page, mode: Mode, hookUrl: string | null): Promise<Trial> {
  const batchId = freshBatchId();
  const api = `${stack.baseUrl}/api/batches/bolna/${batchId}`;
  // The simulator starts a fresh batch at first sight: seen a moment before the app's first poll,
  // it is dialling (running) then, not queued at a 10 s pace.
  await fetch(`${stack.sim.url}/batches/${batchId}`, { headers: { Authorization: `Bearer ${SIM_KEYS.bolna}` } });
  await sleep(200);
  await page.goto(`${stack.baseUrl}/batches/bolna/${batchId}`);
  await page.waitForSelector('[data-testid="batch-heading"] [data-testid="batch-state"][data-state="running"]', { timeout: CHANGE_WAIT_MS });
  const before = await readBatch(stack, api);
  const paceMs = before.polling?.viewerPaceMs ?? before.polling?.intervalMs ?? Number.NaN;
  // A random moment of the poll cycle, as a real change would fall.
  await sleep(Math.random() * (before.polling?.intervalMs ?? 2_000));
  const stop = await fetch(`${stack.sim.url}/batches/${batchId}/stop`, { method: "POST", headers: { Authorization: `Bearer ${SIM_KEYS.bolna}` } });
  if (!stop.ok) throw new Error(`The simulator refused to stop ${batchId}: ${stop.status}`);
  const started = performance.now();
  if (mode === "webhook" && hookUrl) await postEvent(hookUrl, execution(batchId, `${batchId}-1`, "stopped"));
  const [apiMs, pageMs] = await Promise.all([apiSeesStop(stack, api, started), pageSeesStop(page, started)]);
  return { apiMs, pageMs, paceMs };
}

async function apiSeesStop(stack: AppStack, api: string, started: number): Promise<number> {
  while (performance.now() - started < CHANGE_WAIT_MS) {
    if ((await readBatch(stack, api)).state === "cancelled") return performance.now() - started;
    await sleep(API_SAMPLE_MS);
  }
  return Number.POSITIVE_INFINITY;
}

async function pageSeesStop(page: Page, started: number): Promise<number> {
  await page.waitForSelector('[data-testid="batch-heading"] [data-testid="batch-state"][data-state="cancelled"]', { timeout: CHANGE_WAIT_MS });
  return performance.now() - started;
}

async function readBatch(stack: AppStack, api: string): Promise<BatchBody> {
  const response = await fetch(api, { headers: { Cookie: stack.cookie, Accept: "application/json" } });
  if (!response.ok) throw new Error(`GET ${api}: ${response.status}`);
  return (await response.json()) as BatchBody;
}

async function createHook(stack: AppStack): Promise<string> {
  const response = await fetch(`${stack.baseUrl}/api/connections/env-bolna/bolna-hook`, { method: "POST", headers: { Cookie: stack.cookie } });
  if (response.status !== 201) throw new Error(`Creating the hook answered ${response.status}`);
  return ((await response.json()) as { url: string }).url;
}

// As Bolna posts it: the execution object, no cookie, no Origin.
function execution(batchId: string, id: string, status: string) {
  return { id, batch_id: batchId, status, agent_id: "bench", telephony_data: { to_number: "+15550100001" } };
}

async function postEvent(url: string, body: object): Promise<void> {
  const response = await fetch(url, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) });
  if (!response.ok) throw new Error(`The hook answered ${response.status}`);
}

function report(polled: Trial[], pushed: Trial[]): BenchResult {
  const figures = (trials: Trial[]) => {
    const api = trials.map((item) => item.apiMs);
    const page = trials.map((item) => item.pageMs);
    return { apiMedian: percentile(api, 50), apiP95: percentile(api, 95), pageMedian: percentile(page, 50), pageP95: percentile(page, 95), pace: percentile(trials.map((item) => item.paceMs), 50) };
  };
  const poll = figures(polled);
  const hook = figures(pushed);
  // Without a webhook: the scheduler's poll at its pace, then the viewer's read at the same pace.
  const pollOk = poll.apiP95 <= poll.pace + NOISE_MS && poll.pageP95 <= 2 * poll.pace + NOISE_MS;
  const hookOk = hook.apiP95 <= PUSHED_API_TARGET_MS && hook.pageP95 <= PUSHED_PAGE_TARGET_MS;
  const s = (ms: number) => `${fixed(ms / 1_000)} s`;
  const line = (name: string, f: ReturnType<typeof figures>) =>
    `${name.padEnd(26)} announced pace ${s(f.pace)}; batch API median ${s(f.apiMedian)}, p95 ${s(f.apiP95)}; page median ${s(f.pageMedian)}, p95 ${s(f.pageP95)}`;
  const result: BenchResult = {
    status: verdict(pollOk && hookOk),
    summary: `change → page p95 ${s(poll.pageP95)} polled, ${s(hook.pageP95)} with the Bolna webhook`,
  };
  printBlock("freshness", {
    measured: `${TRIALS} running Bolna batches stopped at the simulator and watched in Chromium, first seen by the scheduler's own polls, then ${TRIALS} with the connection's hook live and the execution event posted`,
    figures: [line("simulator change, polled", poll), line("Bolna webhook", hook)],
    target: `polled: API p95 ≤ pace + ${NOISE_MS} ms, page p95 ≤ 2 × pace + ${NOISE_MS} ms; webhook: API p95 ≤ ${s(PUSHED_API_TARGET_MS)}, page p95 ≤ ${s(PUSHED_PAGE_TARGET_MS)}`,
    result,
  });
  return result;
}
