import { NORMAL_MIX, type CallMix } from "../call-progress";
import type { SimContext } from "../context";
import type { Country } from "../phone-numbers";
import { SIM_SCENARIOS, scenarioOf, type ScenarioName } from "../scenarios";
import { scenarioSpec, type BolnaBatchSpec } from "./bolna-batch";

// Bolna has no account-wide batch list: batches hang off agents. The scenario batches are
// shared between two agents, a few more make the demo's picker worth using, and a third agent
// collects the fresh batches tests create by naming them.

/** Any 32-hex id with this prefix is a new running batch on first sight (of the test agent). */
export const BOLNA_FRESH_PREFIX = "c0ffee";
const FRESH_ID = /^c0ffee[0-9a-f]{26}$/;

export type BolnaAgent = {
  id: string;
  agent_name: string;
  created_at: string;
  updated_at: string;
  welcome: string;
};

export const BOLNA_AGENTS = {
  renewals: {
    id: "6f1c2d3e-4a5b-4c6d-8e7f-9a0b1c2d3e4f",
    agent_name: "Renewal reminders",
    created_at: "2025-03-04T09:15:22.482913",
    updated_at: "2025-05-19T16:02:47.118204",
    welcome: "Hi {name}, this is Asha from Northwind about your plan renewal.",
  },
  deliveries: {
    id: "7a2d3e4f-5b6c-4d7e-9f80-a1b2c3d4e5f6",
    agent_name: "Delivery confirmations",
    created_at: "2025-04-11T11:40:03.905117",
    updated_at: "2025-05-28T08:21:19.337460",
    welcome: "Hello {name}, I'm calling from Northwind to confirm your delivery slot.",
  },
  tests: {
    id: "8b3e4f50-6c7d-4e8f-a091-b2c3d4e5f607",
    agent_name: "Sendboard test agent",
    created_at: "2025-05-30T10:00:00.000000",
    updated_at: "2025-05-30T10:00:00.000000",
    welcome: "This is a test call from Sendboard's simulator.",
  },
} as const satisfies Record<string, BolnaAgent>;

type AgentKey = keyof typeof BOLNA_AGENTS;

const SCENARIO_AGENT: Partial<Record<ScenarioName, AgentKey>> = {
  queued: "renewals",
  running: "renewals",
  completed: "renewals",
  scheduled: "renewals",
  partial: "deliveries",
  failed: "deliveries",
  cancelled: "deliveries",
  unknown: "deliveries",
  "running-fast": "deliveries",
};

const HOUR = 3_600_000;
const POOR_MIX: CallMix = { failed: 0.08, busy: 0.12, noAnswer: 0.22 };

type Demo = { agent: AgentKey; country: Country; make: (ctx: BolnaWorld) => BolnaBatchSpec };

const DEMO: Readonly<Record<string, Demo>> = {
  // Dials for 45 minutes from the simulator's start: there to be stopped in the demo.
  "00000000000000000000000000000a01": {
    agent: "deliveries",
    country: "IN",
    make: ({ runs }) => ({
      fileName: "cod-confirmations-pune.csv",
      totalContacts: 312,
      validContacts: 300,
      plan: {
        kind: "live",
        run: { startMs: runs.main.startMs, durationMs: 0.75 * HOUR },
        mix: NORMAL_MIX,
      },
    }),
  },
  "00000000000000000000000000000a02": {
    agent: "deliveries",
    country: "IN",
    make: ({ runs }) => ({
      fileName: "payment-followups.csv",
      totalContacts: 96,
      validContacts: 90,
      plan: { kind: "finished", run: runs.past, mix: POOR_MIX, status: "executed" },
    }),
  },
  "00000000000000000000000000000a03": {
    agent: "renewals",
    country: "US",
    make: ({ runs }) => ({
      fileName: "webinar-invites.csv",
      totalContacts: 250,
      validContacts: 250,
      plan: { kind: "scheduled", run: runs.main, scheduledMs: runs.main.startMs + 26 * HOUR },
    }),
  },
  "00000000000000000000000000000a04": {
    agent: "renewals",
    country: "US",
    make: ({ runs }) => ({
      fileName: "kyc-reminders.csv",
      totalContacts: 64,
      validContacts: 60,
      plan: { kind: "finished", run: runs.past, mix: NORMAL_MIX, status: "stopped", stopAt: 0.5 },
    }),
  },
};

/** What Bolna's batches are drawn from: a request's context, or the webhook poster's. */
export type BolnaWorld = Pick<SimContext, "now" | "runs" | "state">;

export type BolnaBatchEntry = { spec: BolnaBatchSpec; agentId: string; country: Country };

/** The batch behind an id (scenario, demo or fresh, which it creates), or undefined. */
export function bolnaBatchEntry(ctx: BolnaWorld, batchId: string): BolnaBatchEntry | undefined {
  const scenario = scenarioOf("bolna", batchId);
  const scenarioBatch = scenario && scenarioSpec(scenario, ctx);
  if (scenario && scenarioBatch) {
    return {
      spec: scenarioBatch,
      agentId: BOLNA_AGENTS[SCENARIO_AGENT[scenario] ?? "renewals"].id,
      country: "IN",
    };
  }
  const demo = DEMO[batchId];
  if (demo)
    return { spec: demo.make(ctx), agentId: BOLNA_AGENTS[demo.agent].id, country: demo.country };
  if (!FRESH_ID.test(batchId)) return undefined;
  const startMs = ctx.state.freshBolna.get(batchId) ?? ctx.now;
  ctx.state.freshBolna.set(batchId, startMs);
  const run = { startMs, durationMs: ctx.runs.main.durationMs };
  const spec: BolnaBatchSpec = {
    fileName: "sendboard-test-calls.csv",
    totalContacts: 42,
    validContacts: 40,
    plan: { kind: "live", run, mix: NORMAL_MIX },
  };
  return { spec, agentId: BOLNA_AGENTS.tests.id, country: "US" };
}

/** The batch ids an agent lists: its scenario and demo batches, and (for the test agent) the fresh ones. */
export function agentBatchIds(ctx: BolnaWorld, agentId: string): string[] | undefined {
  const key = (Object.keys(BOLNA_AGENTS) as AgentKey[]).find(
    (candidate) => BOLNA_AGENTS[candidate].id === agentId,
  );
  if (!key) return undefined;
  const scenarios = (Object.keys(SCENARIO_AGENT) as ScenarioName[]).filter(
    (name) => SCENARIO_AGENT[name] === key,
  );
  const demos = Object.keys(DEMO).filter((id) => DEMO[id]?.agent === key);
  const fresh = key === "tests" ? [...ctx.state.freshBolna.keys()] : [];
  return [...scenarios.map((name) => SIM_SCENARIOS.bolna[name]), ...demos, ...fresh];
}
