import { Agent, request } from "node:http";
import { startAppStack } from "./lib/app-stack";
import { bareInsertSeconds } from "./lib/bare-insert";
import type { BenchContext } from "./lib/context";
import { percentile } from "./lib/percentile";
import { fixed, printBlock, verdict, type BenchResult } from "./lib/report";
import { EVENTS_PER_POST, sendGridBodies, type SignedBody } from "./lib/sendgrid-bodies";

// SendGrid's Event Webhook at volume: 200,000 signed events in POSTs of 1,000, one after another
// as one SendGrid webhook sends them, each verified, deduplicated, tallied and committed before
// its 200; against a bare loop writing the same rows (events, and the message rows they touch), in the same run.

const POSTS = 200;
const CONNECTION = "env-sendgrid";
const RATIO_TARGET = 0.5;
const P99_TARGET_MS = 1_000;

export async function benchWebhookIngest({ appDir }: BenchContext): Promise<BenchResult> {
  const { publicKey, bodies, rows } = sendGridBodies(POSTS, CONNECTION);
  const engine = process.env.DATABASE_URL ? "PostgreSQL" : "SQLite";
  const stack = await startAppStack({ appDir, env: { SENDGRID_WEBHOOK_PUBLIC_KEY: publicKey } });
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  const url = `${stack.baseUrl}/api/hooks/sendgrid/${CONNECTION}`;
  const latencies: number[] = [];
  let refused = 0;
  let appSeconds: number;
  try {
    const started = performance.now();
    for (const body of bodies) {
      const { status, ms } = await post(url, body, agent);
      latencies.push(ms);
      if (status !== 200) refused += 1;
    }
    appSeconds = (performance.now() - started) / 1_000;
    // The same bodies again, as SendGrid's retries: answered, and nothing counted twice.
    const retry = await post(url, bodies[0]!, agent, true);
    if (retry.status !== 200 || !retry.body.includes('"recorded":0')) refused += 1;
  } finally {
    agent.destroy();
    await stack.stop();
  }
  const bareSeconds = await bareInsertSeconds(rows);
  const events = POSTS * EVENTS_PER_POST;
  const ingested = events / appSeconds;
  const bare = events / bareSeconds.sameRows;
  const ratio = ingested / bare;
  const eventsOnly = events / bareSeconds.events;
  const p99 = percentile(latencies, 99);
  const ok = refused === 0 && ratio >= RATIO_TARGET && p99 <= P99_TARGET_MS;
  const result: BenchResult = {
    status: verdict(ok),
    summary: `${engine}: ${Math.round(ingested).toLocaleString("en")} events/s, ${fixed(ratio)}× a bare insert loop, p99 ${Math.round(p99)} ms per 1,000-event POST`,
  };
  printBlock("webhook-ingest", {
    measured: `${events.toLocaleString("en")} signed SendGrid events (4 per message over consecutive POSTs, 20 batches and untagged) in ${POSTS} POSTs of ${EVENTS_PER_POST.toLocaleString("en")} to /api/hooks/sendgrid/${CONNECTION}, one at a time, ${engine}; then bare loops writing the same rows, one transaction per POST's worth, into a fresh database of the same engine`,
    figures: [
      `webhook: ${Math.round(ingested).toLocaleString("en")} events/s (verified, deduplicated, tallied, committed) in ${fixed(appSeconds, 1)} s`,
      `bare loop, the same rows (events + a message row each touches): ${Math.round(bare).toLocaleString("en")} events/s in ${fixed(bareSeconds.sameRows, 1)} s → ratio ${fixed(ratio)}`,
      `bare loop, event rows alone: ${Math.round(eventsOnly).toLocaleString("en")} events/s in ${fixed(bareSeconds.events, 1)} s → ratio ${fixed(ingested / eventsOnly)} (for reference)`,
      `one POST: median ${Math.round(percentile(latencies, 50))} ms, p99 ${Math.round(p99)} ms`,
      `answers other than 200 (and a retry that counted again): ${refused}`,
    ],
    target: `ratio to the same-rows loop ≥ ${RATIO_TARGET}; p99 of one 1,000-event POST ≤ ${P99_TARGET_MS} ms; every POST 200 and a retried body recorded 0`,
    result,
  });
  return result;
}

function post(
  url: string,
  { body, headers }: SignedBody,
  agent: Agent,
  keepBody = false,
): Promise<{ status: number; ms: number; body: string }> {
  const started = performance.now();
  return new Promise((resolve) => {
    const req = request(
      url,
      { method: "POST", agent, headers: { ...headers, "Content-Length": String(body.length) } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (chunk: Buffer) => keepBody && chunks.push(chunk));
        res.on("end", () =>
          resolve({
            status: res.statusCode ?? 0,
            ms: performance.now() - started,
            body: Buffer.concat(chunks).toString(),
          }),
        );
        res.on("error", () => resolve({ status: 0, ms: performance.now() - started, body: "" }));
      },
    );
    req.setTimeout(30_000, () => req.destroy(new Error("timeout")));
    req.on("error", () => resolve({ status: 0, ms: performance.now() - started, body: "" }));
    req.end(body);
  });
}
