import type { SimRuns } from "../context";
import type { SimState } from "../state";
import { bolnaMoment } from "./bolna-batch";
import { agentBatchIds, BOLNA_AGENTS, bolnaBatchEntry } from "./bolna-catalogue";
import { bolnaExecutions } from "./bolna-executions";

// Bolna POSTs the execution object (the same as GET /executions/{id}) to the agent's webhook URL
// on every call's status change and retries on non-2xx (shared/providers/bolna.md §4). The
// simulator does the same for its batches when SIM_BOLNA_WEBHOOK_URL is set, so the demo shows
// instant updates with no account: every tick it draws each batch's calls, and posts the ones
// whose status changed since the last tick (first sight only records, so starting is quiet).

const TICK_MS = 1_000;
/** Posts in flight at once, and at most per tick: a demo, not a load test. */
const CONCURRENCY = 8;
const MAX_PER_TICK = 500;
const RETRIES = 2;

export type BolnaWebhookPoster = { stop(): void; posted(): number };

export function startBolnaWebhooks(url: string, world: { runs: SimRuns; state: SimState }): BolnaWebhookPoster {
  const seen = new Map<string, string>();
  let posted = 0;
  let busy = false;
  const tick = async () => {
    if (busy) return;
    busy = true;
    try {
      await deliver(url, changedExecutions(world, seen).slice(0, MAX_PER_TICK), () => (posted += 1));
    } finally {
      busy = false;
    }
  };
  void tick();
  const timer = setInterval(() => void tick(), TICK_MS);
  timer.unref();
  return { stop: () => clearInterval(timer), posted: () => posted };
}

function changedExecutions(world: { runs: SimRuns; state: SimState }, seen: Map<string, string>) {
  const now = Date.now();
  const ctx = { ...world, now };
  const ids = new Set(Object.values(BOLNA_AGENTS).flatMap((agent) => agentBatchIds(ctx, agent.id) ?? []));
  const changed: object[] = [];
  for (const batchId of ids) {
    const entry = bolnaBatchEntry(ctx, batchId);
    if (!entry) continue;
    const moment = bolnaMoment(entry.spec, now, world.state.bolnaStops.get(batchId));
    for (const execution of bolnaExecutions(batchId, entry, moment, now)) {
      const before = seen.get(execution.id);
      seen.set(execution.id, execution.status);
      if (before !== undefined && before !== execution.status) changed.push(execution);
    }
  }
  return changed;
}

async function deliver(url: string, executions: object[], onPosted: () => void) {
  let next = 0;
  const worker = async () => {
    while (next < executions.length) {
      const body = JSON.stringify(executions[next++]);
      if (await postWithRetries(url, body)) onPosted();
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
}

async function postWithRetries(url: string, body: string): Promise<boolean> {
  for (let attempt = 0; attempt <= RETRIES; attempt += 1) {
    try {
      const response = await fetch(url, { method: "POST", headers: { "Content-Type": "application/json" }, body, signal: AbortSignal.timeout(5_000) });
      await response.body?.cancel();
      if (response.ok) return true;
    } catch {
      // Bolna retries on a timeout or a refused connection too.
    }
  }
  return false;
}
