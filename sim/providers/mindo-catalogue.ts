import type { SimContext } from "../context";
import { SIM_SCENARIOS, scenarioOf, SCENARIO_NAMES, type ScenarioName } from "../scenarios";
import { scenarioSend, type MindoSendSpec } from "./mindo-batch";

// The account's bulk sends: the scenario ones (all the `winter_sale` template) and a few more
// templates, sizes and failure rates for the demo's picker and failure breakdown.

const HOUR = 3_600_000;

type Demo = (ctx: SimContext) => MindoSendSpec;

const DEMO: Readonly<Record<string, Demo>> = {
  // Sends for 40 minutes from the simulator's start.
  "00000000-0000-4000-8000-0000000000a1": ({ runs }) => ({
    total: 3200,
    template: { id: 61, template_name: "order_shipped", language: "pt_BR" },
    country: "BR",
    plan: {
      kind: "live",
      run: { startMs: runs.main.startMs, durationMs: 0.67 * HOUR },
      failRate: 0.015,
    },
  }),
  "00000000-0000-4000-8000-0000000000a2": ({ runs }) => ({
    total: 900,
    template: { id: 62, template_name: "abandoned_cart", language: "es" },
    country: "MX",
    plan: { kind: "finished", run: runs.past, failRate: 0.09, status: "PARTIAL" },
  }),
  "00000000-0000-4000-8000-0000000000a3": ({ runs }) => ({
    total: 420,
    template: { id: 63, template_name: "appointment_reminder", language: "es" },
    country: "ES",
    plan: {
      kind: "finished",
      run: { startMs: runs.past.startMs - 20 * HOUR, durationMs: 6 * 60_000 },
      failRate: 0,
      status: "COMPLETED",
    },
  }),
  "00000000-0000-4000-8000-0000000000a4": ({ runs }) => ({
    total: 2500,
    template: { id: 64, template_name: "black_friday_promo", language: "es" },
    country: "CO",
    plan: {
      kind: "finished",
      run: { startMs: runs.past.startMs - 44 * HOUR, durationMs: 25 * 60_000 },
      failRate: 0.18,
      status: "PARTIAL",
    },
  }),
  "00000000-0000-4000-8000-0000000000a5": ({ runs }) => ({
    total: 600,
    template: { id: 65, template_name: "payment_due", language: "es" },
    country: "AR",
    plan: {
      kind: "queued",
      run: { startMs: runs.main.startMs + 10 * 60_000, durationMs: 5 * 60_000 },
    },
  }),
};

/** Any lowercase UUID with this prefix is a new bulk send on first sight, already sending, for the main run's length. */
export const MINDO_FRESH_PREFIX = "c0ffee00-";
const FRESH_ID = /^c0ffee00-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const FRESH_TEMPLATE = { id: 66, template_name: "sendboard_test", language: "en" };

/** Scenarios whose bulk sends appear in the list (faults answer only when asked by id). */
const LISTED: readonly ScenarioName[] = SCENARIO_NAMES.filter(
  (name) => !name.startsWith("fault-") && name !== "docs-example",
);

/** The bulk send behind an id, or undefined. */
export function mindoSendOf(ctx: SimContext, id: string): MindoSendSpec | undefined {
  const scenario = scenarioOf("mindo", id);
  if (scenario) return scenarioSend(scenario, ctx);
  return DEMO[id]?.(ctx) ?? freshSend(ctx, id);
}

// Fresh sends are not listed: a benchmark may make a thousand, and the picker's list stays the account's.
function freshSend(ctx: SimContext, id: string): MindoSendSpec | undefined {
  if (!FRESH_ID.test(id)) return undefined;
  // A second before first sight, so the first answer is already PROCESSING: a running batch at once.
  const startMs = ctx.state.freshMindo.get(id) ?? ctx.now - 1_000;
  ctx.state.freshMindo.set(id, startMs);
  return {
    total: 1500,
    template: FRESH_TEMPLATE,
    country: "US",
    plan: { kind: "live", run: { startMs, durationMs: ctx.runs.main.durationMs }, failRate: 0.01 },
  };
}

/** Every listed bulk send, with its id. */
export function mindoSends(ctx: SimContext): { id: string; spec: MindoSendSpec }[] {
  const ids = [...LISTED.map((name) => SIM_SCENARIOS.mindo[name]), ...Object.keys(DEMO)];
  return ids.flatMap((id) => {
    const spec = mindoSendOf(ctx, id);
    return spec ? [{ id, spec }] : [];
  });
}
