import { Agent } from "node:http";
import { batchViewSchema } from "../../lib/batch-view";
import type { ProviderId } from "../../lib/providers/provider-id";
import { timedGet } from "./http-get";
import { percentile } from "./percentile";
import { sleep } from "./sleep";

export type WatchedBatch = { provider: ProviderId; batchId: string; label: string };
export type PollingObservation = {
  at: number;
  intervalMs: number;
  budgetPerMinute: number;
  limitedByBudget: boolean;
};

export type ViewerOptions = {
  baseUrl: string;
  cookie: string;
  batches: readonly WatchedBatch[];
  viewers: number;
  /** Until this performance.now() time. */
  until: number;
  everyMs: number;
  /** Connections shared by all viewers: a viewer is a loop, not a socket. */
  sockets: number;
  /** Every answer's polling block, as the viewers read it (all of them: any one may be starved). */
  observe: (batch: WatchedBatch, observation: PollingObservation) => void;
};

export type ViewerFigures = { requests: number; ok: number; rps: number; p50: number; p99: number };

/** V viewers, each asking for every batch in turn every `everyMs`, as a browser tab would. */
export async function runViewers(options: ViewerOptions): Promise<ViewerFigures> {
  const agent = new Agent({ keepAlive: true, maxSockets: options.sockets });
  const headers = { Cookie: options.cookie, Accept: "application/json" };
  const latencies: number[] = [];
  let requests = 0;
  const started = performance.now();
  const maxTicks = Math.ceil((options.until - started) / options.everyMs) + 1;

  const viewer = async (index: number) => {
    await sleep((index / options.viewers) * options.everyMs);
    for (let tick = 0; tick < maxTicks && performance.now() < options.until; tick += 1) {
      const tickStart = performance.now();
      // Each viewer starts at a different batch, so no batch's first read waits behind the others.
      for (let offset = 0; offset < options.batches.length; offset += 1) {
        const batch = options.batches[(index + offset) % options.batches.length]!;
        if (performance.now() >= options.until) break;
        const url = `${options.baseUrl}/api/batches/${batch.provider}/${batch.batchId}`;
        const result = await timedGet(url, {
          agent,
          headers,
          timeoutMs: 15_000,
          keepBody: true,
        });
        requests += 1;
        if (result.status !== 200) continue;
        latencies.push(result.ms);
        if (result.body !== null) observeAnswer(batch, result.body, options.observe);
      }
      await sleep(Math.min(tickStart + options.everyMs, options.until) - performance.now());
    }
  };

  // Loops stop at `until`; a request still queued then is given a bounded grace, then cut.
  await Promise.race([
    Promise.all(Array.from({ length: options.viewers }, (_, index) => viewer(index))),
    sleep(options.until - started + 20_000),
  ]);
  agent.destroy();
  const seconds = (performance.now() - started) / 1_000;
  return {
    requests,
    ok: latencies.length,
    rps: latencies.length / seconds,
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
  };
}

function observeAnswer(batch: WatchedBatch, body: string, observe: ViewerOptions["observe"]) {
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    return;
  }
  const parsed = batchViewSchema.safeParse(json);
  const polling = parsed.success ? parsed.data.polling : undefined;
  if (!polling) return;
  observe(batch, {
    at: performance.now(),
    intervalMs: polling.intervalMs,
    budgetPerMinute: polling.budgetPerMinute,
    limitedByBudget: polling.limitedByBudget,
  });
}
