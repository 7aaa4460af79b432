import { Agent } from "node:http";
import { timedGet } from "./http-get";
import { percentile } from "./percentile";
import { sleep } from "./sleep";

export type SnapshotViewerFigures = { requests: number; ok: number; notModified: number; failed: number; p50: number; p99: number };

/**
 * V wall viewers as HTTP clients: each asks for the board snapshot, quoting the ETag of the last
 * answer it holds, and asks again after the pace the last answer announced, as a wall tab does.
 * Browsers send Accept-Encoding: gzip, so these do too.
 */
export async function runSnapshotViewers(options: {
  url: string;
  cookie: string;
  viewers: number;
  /** Until this performance.now() time. */
  until: number;
  /** Before any answer said otherwise. */
  paceMs: number;
}): Promise<SnapshotViewerFigures> {
  const agent = new Agent({ keepAlive: true, maxSockets: options.viewers });
  const latencies: number[] = [];
  const counts = { requests: 0, notModified: 0, failed: 0 };
  const viewer = async (index: number) => {
    let etag: string | null = null;
    let pace = options.paceMs;
    await sleep((index / options.viewers) * options.paceMs);
    while (performance.now() < options.until) {
      const started = performance.now();
      const headers: Record<string, string> = { Cookie: options.cookie, Accept: "application/json", "Accept-Encoding": "gzip" };
      if (etag) headers["If-None-Match"] = etag;
      const answer = await timedGet(options.url, { agent, headers, timeoutMs: 15_000, keepBody: true });
      counts.requests += 1;
      if (answer.status === 200 || answer.status === 304) latencies.push(answer.ms);
      if (answer.status === 304) counts.notModified += 1;
      else if (answer.status === 200) {
        etag = answer.etag;
        pace = paceOf(answer.body) ?? pace;
      } else counts.failed += 1;
      await sleep(Math.min(started + pace, options.until) - performance.now());
    }
  };
  await Promise.race([
    Promise.all(Array.from({ length: options.viewers }, (_, index) => viewer(index))),
    sleep(options.until - performance.now() + 20_000),
  ]);
  agent.destroy();
  return { ...counts, ok: latencies.length, p50: percentile(latencies, 50), p99: percentile(latencies, 99) };
}

function paceOf(body: string | null): number | null {
  try {
    const interval = (JSON.parse(body ?? "") as { pace?: { intervalMs?: unknown } }).pace?.intervalMs;
    return typeof interval === "number" ? Math.max(1_000, interval) : null;
  } catch {
    return null;
  }
}
