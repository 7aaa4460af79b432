import { callStatusCounts, NORMAL_MIX, type CallMix } from "../call-progress";
import type { SimContext } from "../context";
import { shareDone, type Run } from "../progress";
import type { ScenarioName } from "../scenarios";
import { humanizeAgo, isoSeconds } from "../time-format";

/** How a batch's status moves: uploaded, scheduled, dialling over its run, or long finished. */
export type BolnaPlan =
  | { kind: "created"; run: Run }
  | { kind: "scheduled"; run: Run; scheduledMs: number }
  | { kind: "live"; run: Run; mix: CallMix; status?: string }
  | { kind: "finished"; run: Run; mix: CallMix; status: string; stopAt?: number };

export type BolnaBatchSpec = {
  fileName: string;
  totalContacts: number;
  validContacts: number;
  plan: BolnaPlan;
};

/** Where a batch stands at `now`: what GET /batches/{id} and its executions are drawn from. */
export type BolnaMoment = {
  status: string;
  /** Share of the run done; null while nothing can be dialled (created, scheduled). */
  share: number | null;
  mix: CallMix;
  stopAt?: number;
  updatedMs: number;
};

// The scenario batches: 184 valid of 200 contacts (rows the CSV check rejected are never called).
const SCENARIO_FILE = "winter-sale-callbacks.csv";
const POOR_MIX: CallMix = { failed: 0.12, busy: 0.1, noAnswer: 0.25 };
const ALL_FAILED: CallMix = { failed: 1, busy: 0, noAnswer: 0 };

export function scenarioSpec(
  scenario: ScenarioName,
  { runs }: Pick<SimContext, "runs">,
): BolnaBatchSpec | undefined {
  const spec = (plan: BolnaPlan) => ({
    fileName: SCENARIO_FILE,
    totalContacts: 200,
    validContacts: 184,
    plan,
  });
  switch (scenario) {
    case "queued":
      return spec({ kind: "created", run: runs.main });
    case "running":
    case "fault-slow":
    case "fault-invalid-json":
      return spec({ kind: "live", run: runs.main, mix: NORMAL_MIX });
    case "running-fast":
      return spec({ kind: "live", run: runs.fast, mix: NORMAL_MIX });
    case "completed":
      return spec({ kind: "finished", run: runs.past, mix: NORMAL_MIX, status: "executed" });
    case "partial":
      return spec({ kind: "finished", run: runs.past, mix: POOR_MIX, status: "executed" });
    case "failed":
      return spec({ kind: "finished", run: runs.past, mix: ALL_FAILED, status: "failed" });
    case "cancelled":
      // Stopped through POST /batches/{id}/stop 35% of the way through.
      return spec({
        kind: "finished",
        run: runs.past,
        mix: NORMAL_MIX,
        status: "stopped",
        stopAt: 0.35,
      });
    case "scheduled":
      return spec({
        kind: "scheduled",
        run: runs.main,
        scheduledMs: runs.main.startMs + 2 * 3_600_000,
      });
    case "unknown":
      return spec({ kind: "live", run: runs.main, mix: NORMAL_MIX, status: "on_hold" });
    default:
      return undefined;
  }
}

/** The batch at `now`; `stoppedMs` is when POST …/stop stopped it, if it did. */
export function bolnaMoment(
  { plan }: BolnaBatchSpec,
  now: number,
  stoppedMs?: number,
): BolnaMoment {
  const { run } = plan;
  const runEnd = run.startMs + run.durationMs;
  if (plan.kind === "created" || plan.kind === "scheduled") {
    return { status: plan.kind, share: null, mix: NORMAL_MIX, updatedMs: run.startMs };
  }
  if (plan.kind === "finished") {
    return { status: plan.status, share: 1, mix: plan.mix, stopAt: plan.stopAt, updatedMs: runEnd };
  }
  const share = shareDone(run, now);
  const updatedMs = Math.max(run.startMs, Math.min(now, runEnd));
  // Calls already dialled finish; the rest turn "stopped".
  if (stoppedMs !== undefined)
    return {
      status: "stopped",
      share,
      mix: plan.mix,
      stopAt: shareDone(run, stoppedMs),
      updatedMs,
    };
  // Bolna reports "executed" once the batch has started dialling; whether calls are still in
  // flight shows only in execution_status.
  return {
    status: plan.status ?? (share <= 0 ? "queued" : "executed"),
    share,
    mix: plan.mix,
    updatedMs,
  };
}

const OPEN_CALLS = ["queued", "ringing", "in-progress", "call-disconnected"];

/** Whether POST …/stop may stop it: queued or executed, with calls still to make or finish. */
export function isStoppable(spec: BolnaBatchSpec, moment: BolnaMoment): boolean {
  if (moment.share === null || (moment.status !== "queued" && moment.status !== "executed"))
    return false;
  const calls = callStatusCounts(spec.validContacts, moment.share, moment.mix, moment.stopAt);
  return OPEN_CALLS.some((status) => (calls[status] ?? 0) > 0);
}

/** The body of GET /batches/{id} (and of each item of GET /batches/{agent_id}/all). */
export function bolnaBatchBody(
  batchId: string,
  spec: BolnaBatchSpec,
  moment: BolnaMoment,
  now: number,
) {
  const { plan } = spec;
  const createdMs = plan.run.startMs - 60_000;
  const calls =
    moment.share === null
      ? {}
      : callStatusCounts(spec.validContacts, moment.share, moment.mix, moment.stopAt);
  return {
    batch_id: batchId,
    humanized_created_at: humanizeAgo(createdMs, now),
    created_at: isoSeconds(createdMs),
    updated_at: isoSeconds(moment.updatedMs),
    status: moment.status,
    scheduled_at: plan.kind === "scheduled" ? isoSeconds(plan.scheduledMs) : null,
    from_phone_number: "+19876543007",
    from_phone_numbers: ["+19876543007", "+19876543008"],
    file_name: spec.fileName,
    valid_contacts: spec.validContacts,
    total_contacts: spec.totalContacts,
    execution_status: calls,
  };
}
