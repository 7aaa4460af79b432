import type { SimContext } from "../context";
import { funnel, shareDone, type Funnel, type Run } from "../progress";
import type { ScenarioName } from "../scenarios";
import { isoSeconds } from "../time-format";

const TOTAL = 1500;
const RUNNING_FAIL_RATE = 0.01;

type Shape = { status: string; run: Run; counts: Funnel; finished: boolean };

/** The body of GET …/bulk-sends/{id}/ for a scenario, or undefined when it has none. */
export function mindoBulkSend(
  scenario: ScenarioName,
  id: string,
  ctx: SimContext,
): Record<string, unknown> | undefined {
  const shape = shapeOf(scenario, ctx);
  return shape && body(id, shape, ctx.now);
}

function shapeOf(scenario: ScenarioName, { runs, now }: SimContext): Shape | undefined {
  const finished = (status: string, failRate: number): Shape => {
    const counts = funnel(TOTAL, runs.past, now, failRate);
    return { status, run: runs.past, counts, finished: true };
  };
  switch (scenario) {
    case "queued": {
      const counts = funnel(TOTAL, runs.main, -Infinity, 0);
      return { status: "QUEUED", run: runs.main, counts, finished: false };
    }
    case "running":
    case "fault-slow":
    case "fault-invalid-json":
      return running(runs.main, now);
    case "running-fast":
      return running(runs.fast, now);
    case "completed":
      return finished("COMPLETED", 0);
    case "partial":
      return finished("PARTIAL", 0.06);
    case "failed":
      return finished("FAILED", 1);
    case "cancelled": {
      // Cancelled by hand 40% of the way through: the rest stays pending.
      const cancelledAt = runs.past.startMs + 0.4 * runs.past.durationMs;
      const counts = funnel(TOTAL, runs.past, cancelledAt, RUNNING_FAIL_RATE);
      return { status: "CANCELLED", run: runs.past, counts, finished: false };
    }
    case "unknown":
      return { ...running(runs.main, now), status: "ON_HOLD" };
    default:
      return undefined;
  }
}

function running(run: Run, now: number): Shape {
  const share = shareDone(run, now);
  const counts = funnel(TOTAL, run, now, RUNNING_FAIL_RATE);
  if (share <= 0) return { status: "QUEUED", run, counts, finished: false };
  if (share < 1) return { status: "PROCESSING", run, counts, finished: false };
  return { status: counts.failed > 0 ? "PARTIAL" : "COMPLETED", run, counts, finished: true };
}

function body(id: string, { status, run, counts, finished }: Shape, now: number) {
  const started = status !== "QUEUED" && now >= run.startMs;
  return {
    id,
    status,
    template: { id: 45, template_name: "winter_sale", language: "es", status: "APPROVED" },
    phone_number: {
      id: 123,
      display_phone_number: "+54 9 223 675-0780",
      verified_name: "Northwind",
    },
    total_recipients: TOTAL,
    sent_count: counts.succeeded,
    delivered_count: counts.delivered,
    read_count: counts.read,
    failed_count: counts.failed,
    pending_count: counts.remaining,
    progress_percentage: Math.round((counts.processed / TOTAL) * 1000) / 10,
    estimated_time_minutes: Math.round(run.durationMs / 6000) / 10,
    started_at: started ? isoSeconds(run.startMs) : null,
    completed_at: finished ? isoSeconds(run.startMs + run.durationMs) : null,
    created_at: isoSeconds(run.startMs - 5_000),
    created_by: { id: 1, email: "ops@northwind.example", first_name: "Ana", last_name: "Pérez" },
  };
}
