import { callStatusCounts, NORMAL_MIX, type CallMix } from "../call-progress";
import type { SimContext } from "../context";
import { shareDone, type Run } from "../progress";
import type { ScenarioName } from "../scenarios";
import { humanizeAgo, isoSeconds } from "../time-format";

const TOTAL_CONTACTS = 200;
// Rows the CSV check rejected (bad numbers) are never called.
const VALID_CONTACTS = 184;
const POOR_MIX: CallMix = { failed: 0.12, busy: 0.1, noAnswer: 0.25 };

type Shape = {
  status: string;
  run: Run;
  calls: Record<string, number>;
  updatedMs: number;
  scheduledMs?: number;
};

/** The body of GET /batches/{id} for a scenario, or undefined when it has none. */
export function bolnaBatch(
  scenario: ScenarioName,
  batchId: string,
  ctx: SimContext,
): Record<string, unknown> | undefined {
  const shape = shapeOf(scenario, ctx);
  return shape && body(batchId, shape, ctx.now);
}

function shapeOf(scenario: ScenarioName, { runs, now }: SimContext): Shape | undefined {
  const pastEnd = runs.past.startMs + runs.past.durationMs;
  const finished = (status: string, calls: Record<string, number>): Shape => {
    return { status, run: runs.past, calls, updatedMs: pastEnd };
  };
  switch (scenario) {
    case "queued":
      return { status: "created", run: runs.main, calls: {}, updatedMs: runs.main.startMs };
    case "running":
    case "fault-slow":
    case "fault-invalid-json":
      return running(runs.main, now);
    case "running-fast":
      return running(runs.fast, now);
    case "completed":
      return finished("executed", callStatusCounts(VALID_CONTACTS, 1, NORMAL_MIX));
    case "partial":
      return finished("executed", callStatusCounts(VALID_CONTACTS, 1, POOR_MIX));
    case "failed":
      return finished("failed", { failed: VALID_CONTACTS });
    case "cancelled":
      // Stopped through POST /batches/{id}/stop 35% of the way through.
      return finished("stopped", callStatusCounts(VALID_CONTACTS, 1, NORMAL_MIX, 0.35));
    case "scheduled": {
      const scheduledMs = runs.main.startMs + 2 * 3_600_000;
      return {
        status: "scheduled",
        run: runs.main,
        calls: {},
        updatedMs: runs.main.startMs,
        scheduledMs,
      };
    }
    case "unknown":
      return { ...running(runs.main, now), status: "on_hold" };
    default:
      return undefined;
  }
}

function running(run: Run, now: number): Shape {
  const share = shareDone(run, now);
  const calls = callStatusCounts(VALID_CONTACTS, share, NORMAL_MIX);
  const updatedMs = Math.max(run.startMs, Math.min(now, run.startMs + run.durationMs));
  // Bolna reports "executed" once the batch has started dialling; whether calls are still in
  // flight shows only in execution_status.
  return { status: share <= 0 ? "queued" : "executed", run, calls, updatedMs };
}

function body(batchId: string, shape: Shape, now: number) {
  const createdMs = shape.run.startMs - 60_000;
  return {
    batch_id: batchId,
    humanized_created_at: humanizeAgo(createdMs, now),
    created_at: isoSeconds(createdMs),
    updated_at: isoSeconds(shape.updatedMs),
    status: shape.status,
    scheduled_at: shape.scheduledMs === undefined ? null : isoSeconds(shape.scheduledMs),
    from_phone_number: "+19876543007",
    from_phone_numbers: ["+19876543007", "+19876543008"],
    file_name: "winter-sale-callbacks.csv",
    valid_contacts: VALID_CONTACTS,
    total_contacts: TOTAL_CONTACTS,
    execution_status: shape.calls,
  };
}
