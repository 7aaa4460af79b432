import type { SimContext } from "../context";
import { shareDone, tally, type Run, type Tally } from "../progress";
import type { ScenarioName } from "../scenarios";

const TOTAL = 2400;
const RUNNING_FAIL_RATE = 0.02;

/** The `data` of GET /v1/sending/batches/{id} for a scenario, or undefined when it has none. */
export function migmaBatchData(
  scenario: ScenarioName | "pending",
  batchId: string,
  ctx: SimContext,
): Record<string, unknown> | undefined {
  const { runs, now } = ctx;
  switch (scenario) {
    case "queued":
    case "pending":
      return notStarted(batchId, scenario, runs.main);
    case "running":
    case "fault-slow":
    case "fault-invalid-json":
      return running(batchId, runs.main, now);
    case "running-fast":
      return running(batchId, runs.fast, now);
    case "completed":
      return finished(batchId, runs.past, 0, null);
    case "partial": {
      const data = finished(batchId, runs.past, 0.04, null);
      return { ...data, error: `${String(data.failedCount)} recipients could not be sent` };
    }
    case "failed": {
      const sent = tally(TOTAL, 0.15, 0).succeeded;
      const counts = { processed: TOTAL, succeeded: sent, failed: TOTAL - sent, remaining: 0 };
      const { startMs } = runs.past;
      return data(
        batchId,
        "failed",
        counts,
        startMs,
        startMs + 90_000,
        "Sending domain is not verified",
      );
    }
    case "unknown":
      return { ...running(batchId, runs.main, now), status: "on_hold" };
    default:
      return undefined;
  }
}

/** Running since the simulator started, completed (without failures) from `endsAtMs` on. */
export function migmaBatchEndingAt(batchId: string, endsAtMs: number, { runs, now }: SimContext) {
  const startMs = Math.min(runs.main.startMs, endsAtMs);
  return running(batchId, { startMs, durationMs: endsAtMs - startMs }, now, 0);
}

function notStarted(batchId: string, status: string, run: Run) {
  const createdMs = run.startMs - 20_000;
  return data(batchId, status, tally(TOTAL, 0, 0), createdMs, createdMs, null);
}

function running(batchId: string, run: Run, now: number, failRate = RUNNING_FAIL_RATE) {
  const share = shareDone(run, now);
  const status = share <= 0 ? "queued" : share < 1 ? "processing" : "completed";
  const updatedMs = Math.min(now, run.startMs + run.durationMs);
  const counts = tally(TOTAL, share, failRate);
  return data(batchId, status, counts, run.startMs - 30_000, updatedMs, null);
}

function finished(batchId: string, run: Run, failRate: number, error: string | null) {
  const counts = tally(TOTAL, 1, failRate);
  return data(
    batchId,
    "completed",
    counts,
    run.startMs - 30_000,
    run.startMs + run.durationMs,
    error,
  );
}

function data(
  batchId: string,
  status: string,
  counts: Tally,
  createdMs: number,
  updatedMs: number,
  error: string | null,
) {
  return {
    batchId,
    status,
    recipientType: "segment",
    recipientId: "seg_9fKq27LmXa",
    provider: "ses",
    totalCount: TOTAL,
    queuedCount: counts.remaining,
    sentCount: counts.succeeded,
    failedCount: counts.failed,
    from: "news@northwind.example",
    fromName: "Northwind Outfitters",
    subject: "Winter sale: 30% off everything",
    createdAt: new Date(createdMs).toISOString(),
    updatedAt: new Date(updatedMs).toISOString(),
    error,
  };
}
