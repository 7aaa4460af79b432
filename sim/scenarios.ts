import { PROVIDER_IDS, type ProviderId } from "../lib/providers/provider-id";

// Order matters: a scenario's position (1-based, two digits) is the NN in Mindo's and Bolna's ids.
export const SCENARIO_NAMES = [
  "queued",
  "running",
  "completed",
  "partial",
  "failed",
  "cancelled",
  "scheduled",
  "paused",
  "unknown",
  "fault-500",
  "fault-502-html",
  "fault-invalid-json",
  "fault-wrong-types",
  "fault-429",
  "fault-slow",
  "docs-example",
  "running-fast",
] as const;

export type ScenarioName = (typeof SCENARIO_NAMES)[number];

/** Migma's SDK spells the first state "pending" where the docs say "queued"; this id answers that. */
export const SIM_MIGMA_PENDING_ID = "sim-pending";

const UNTIL_PREFIX = "sim-until-";

/** A Migma batch that runs until `endsAtMs` (epoch ms), then stays completed: for outage tests. */
export function simMigmaBatchEndingAt(endsAtMs: number): string {
  return `${UNTIL_PREFIX}${Math.round(endsAtMs)}`;
}

/** When a sim-until- batch ends, or null for any other id. */
export function simMigmaBatchEnd(batchId: string): number | null {
  const match = /^sim-until-(\d{13})$/.exec(batchId);
  return match ? Number(match[1]) : null;
}

export const SIM_KEYS = {
  migma: "sk_test_sendboard_sim",
  mindo: "mindo_sendboardsim",
  bolna: "bolna_sendboard_sim",
  sendgrid: "SG.sendboard-sim.key",
} as const satisfies Record<ProviderId, string>;

const FAULTS: readonly ScenarioName[] = SCENARIO_NAMES.filter((name) => name.startsWith("fault-"));

/** Scenarios each provider cannot express; their ids answer the provider's own "not found". */
const UNSUPPORTED = {
  migma: ["cancelled", "scheduled", "paused"],
  mindo: ["scheduled", "paused"],
  bolna: ["paused"],
  sendgrid: SCENARIO_NAMES.filter(
    (name) => !FAULTS.includes(name) && !["scheduled", "paused", "cancelled"].includes(name),
  ),
} as const satisfies Record<ProviderId, readonly ScenarioName[]>;

function batchIdFor(provider: ProviderId, name: ScenarioName): string {
  const nn = String(SCENARIO_NAMES.indexOf(name) + 1).padStart(2, "0");
  switch (provider) {
    case "migma":
    case "sendgrid":
      return `sim-${name}`;
    case "mindo":
      return `00000000-0000-4000-8000-0000000000${nn}`;
    case "bolna":
      return `${"0".repeat(30)}${nn}`;
  }
}

function scenarioIds(provider: ProviderId): Record<ScenarioName, string> {
  const entries = SCENARIO_NAMES.map((name) => [name, batchIdFor(provider, name)] as const);
  return Object.fromEntries(entries) as Record<ScenarioName, string>;
}

/** provider → scenario → batch id, for every scenario (see simSupports for which ones answer). */
export const SIM_SCENARIOS = Object.fromEntries(
  PROVIDER_IDS.map((provider) => [provider, scenarioIds(provider)]),
) as Record<ProviderId, Record<ScenarioName, string>>;

export function simSupports(provider: ProviderId, scenario: ScenarioName): boolean {
  return !(UNSUPPORTED[provider] as readonly ScenarioName[]).includes(scenario);
}

/** The scenario a batch id stands for, or undefined for any other id and unsupported scenarios. */
export function scenarioOf(provider: ProviderId, batchId: string): ScenarioName | undefined {
  const ids = SIM_SCENARIOS[provider];
  const scenario = SCENARIO_NAMES.find((name) => ids[name] === batchId);
  return scenario && simSupports(provider, scenario) ? scenario : undefined;
}
