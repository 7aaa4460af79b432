import type { SimContext } from "../context";
import type { Country } from "../phone-numbers";
import { funnel, shareDone, type Funnel, type Run } from "../progress";
import type { ScenarioName } from "../scenarios";
import { isoSeconds } from "../time-format";

/** How a bulk send's status moves: waiting, sending over its run, long done, or cut short. */
export type MindoPlan =
  | { kind: "queued"; run: Run }
  | { kind: "live"; run: Run; failRate: number; status?: string }
  | { kind: "finished"; run: Run; failRate: number; status: string }
  | { kind: "cancelled"; run: Run; failRate: number; atShare: number };

export type MindoTemplate = { id: number; template_name: string; language: string };

export type MindoSendSpec = {
  total: number;
  template: MindoTemplate;
  country: Country;
  plan: MindoPlan;
};

/** Where a send stands: its counters are funnel(total, run, countedAt, failRate). */
export type MindoMoment = {
  status: string;
  counts: Funnel;
  finished: boolean;
  countedAt: number;
  failRate: number;
};

const SCENARIO_TEMPLATE: MindoTemplate = { id: 45, template_name: "winter_sale", language: "es" };
const RUNNING_FAIL_RATE = 0.01;

export function scenarioSend(
  scenario: ScenarioName,
  { runs }: SimContext,
): MindoSendSpec | undefined {
  const spec = (plan: MindoPlan): MindoSendSpec => ({
    total: 1500,
    template: SCENARIO_TEMPLATE,
    country: "AR",
    plan,
  });
  switch (scenario) {
    case "queued":
      return spec({ kind: "queued", run: runs.main });
    case "running":
    case "fault-slow":
    case "fault-invalid-json":
      return spec({ kind: "live", run: runs.main, failRate: RUNNING_FAIL_RATE });
    case "running-fast":
      return spec({ kind: "live", run: runs.fast, failRate: RUNNING_FAIL_RATE });
    case "completed":
      return spec({ kind: "finished", run: runs.past, failRate: 0, status: "COMPLETED" });
    case "partial":
      return spec({ kind: "finished", run: runs.past, failRate: 0.06, status: "PARTIAL" });
    case "failed":
      return spec({ kind: "finished", run: runs.past, failRate: 1, status: "FAILED" });
    case "cancelled":
      // Cancelled by hand 40% of the way through: the rest stays pending.
      return spec({ kind: "cancelled", run: runs.past, failRate: RUNNING_FAIL_RATE, atShare: 0.4 });
    case "unknown":
      return spec({ kind: "live", run: runs.main, failRate: RUNNING_FAIL_RATE, status: "ON_HOLD" });
    default:
      return undefined;
  }
}

export function mindoMoment({ total, plan }: MindoSendSpec, now: number): MindoMoment {
  const { run } = plan;
  const at = (countedAt: number, failRate: number) => ({
    counts: funnel(total, run, countedAt, failRate),
    countedAt,
    failRate,
  });
  switch (plan.kind) {
    case "queued":
      return { status: "QUEUED", finished: false, ...at(-Infinity, 0) };
    case "finished":
      return { status: plan.status, finished: true, ...at(now, plan.failRate) };
    case "cancelled":
      return {
        status: "CANCELLED",
        finished: false,
        ...at(run.startMs + plan.atShare * run.durationMs, plan.failRate),
      };
    case "live": {
      const share = shareDone(run, now);
      const moment = at(now, plan.failRate);
      const status =
        share <= 0
          ? "QUEUED"
          : share < 1
            ? "PROCESSING"
            : moment.counts.failed > 0
              ? "PARTIAL"
              : "COMPLETED";
      return { status: plan.status ?? status, finished: share >= 1, ...moment };
    }
  }
}

/** The body of GET …/bulk-sends/{id}/ (list items are the same without three fields). */
export function mindoSendBody(
  id: string,
  { total, template, plan }: MindoSendSpec,
  { status, counts, finished }: MindoMoment,
  now: number,
) {
  const { run } = plan;
  const started = status !== "QUEUED" && now >= run.startMs;
  return {
    id,
    status,
    template: { ...template, status: "APPROVED" },
    phone_number: {
      id: 123,
      display_phone_number: "+54 9 223 675-0780",
      verified_name: "Northwind",
    },
    total_recipients: total,
    sent_count: counts.succeeded,
    delivered_count: counts.delivered,
    read_count: counts.read,
    failed_count: counts.failed,
    pending_count: counts.remaining,
    progress_percentage: Math.round((counts.processed / total) * 1000) / 10,
    estimated_time_minutes: Math.round(run.durationMs / 6000) / 10,
    started_at: started ? isoSeconds(run.startMs) : null,
    completed_at: finished ? isoSeconds(run.startMs + run.durationMs) : null,
    created_at: isoSeconds(run.startMs - 5_000),
    created_by: { id: 1, email: "ops@northwind.example", first_name: "Ana", last_name: "Pérez" },
  };
}
