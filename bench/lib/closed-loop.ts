import { Agent } from "node:http";
import { timedGet } from "./http-get";
import { percentile } from "./percentile";

export type LoadSample = { requests: number; latencies: number[]; seconds: number };
export type LoadFigures = { requests: number; ok: number; rps: number; p50: number; p99: number };

/**
 * `clients` keep-alive connections, each sending the next request as soon as the previous answer
 * has been read, for `seconds`. Only 200 answers are kept as latencies.
 */
export async function runClosedLoop(
  url: string,
  options: { clients: number; seconds: number; headers?: Record<string, string> },
): Promise<LoadSample> {
  const agent = new Agent({ keepAlive: true, maxSockets: options.clients });
  const latencies: number[] = [];
  let requests = 0;
  const started = performance.now();
  const deadline = started + options.seconds * 1_000;
  // A cap on iterations as well as time: far above what two cores can serve.
  const maxPerClient = Math.ceil(options.seconds * 20_000);

  const client = async () => {
    for (let i = 0; i < maxPerClient && performance.now() < deadline; i += 1) {
      const result = await timedGet(url, { agent, headers: options.headers, timeoutMs: 10_000 });
      requests += 1;
      if (result.status === 200) latencies.push(result.ms);
    }
  };
  await Promise.all(Array.from({ length: options.clients }, client));
  agent.destroy();
  return { requests, latencies, seconds: (performance.now() - started) / 1_000 };
}

/** Several rounds of one route taken together: requests per second over their summed time. */
export function summarizeLoad(samples: readonly LoadSample[]): LoadFigures {
  const latencies = samples.flatMap((sample) => sample.latencies);
  const seconds = samples.reduce((sum, sample) => sum + sample.seconds, 0);
  return {
    requests: samples.reduce((sum, sample) => sum + sample.requests, 0),
    ok: latencies.length,
    rps: latencies.length / seconds,
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
  };
}
