import type { ProviderId } from "../../lib/providers/provider-id";
import { simMigmaBatchEndingAt } from "../../sim/scenarios";

export type ScaleBatch = { provider: ProviderId; batchId: string };

const PROVIDERS: readonly ProviderId[] = ["migma", "mindo", "bolna", "sendgrid"];

/**
 * The n-th distinct batch the simulator runs, round the four providers: Migma's sim-until- ids
 * (running until `endsAtMs`, a millisecond apart), Mindo's and Bolna's fresh ids (running from
 * first sight) and SendGrid's fresh ids due at once (sim-fresh-…-in0m), all in their real formats.
 */
export function scaleBatch(n: number, endsAtMs: number): ScaleBatch {
  const provider = PROVIDERS[n % PROVIDERS.length]!;
  const hex = n.toString(16).padStart(12, "0");
  switch (provider) {
    case "migma":
      return { provider, batchId: simMigmaBatchEndingAt(endsAtMs + n) };
    case "mindo":
      return { provider, batchId: `c0ffee00-0000-4000-8000-${hex}` };
    case "bolna":
      return { provider, batchId: `c0ffee${hex.padStart(26, "0")}` };
    case "sendgrid":
      return { provider, batchId: `sim-fresh-scale-in0m-${n}` };
  }
}
