import "server-only";
import { isTerminalState } from "@/lib/batch-snapshot";
import type { BatchDetails, BatchState } from "@/lib/batch-snapshot";
import type { EmailEventsTally } from "./email-events-tally";
import { progressOf } from "./lenient";

/** What every transform gets besides the raw payload; `now` is injected so tests are deterministic. */
export type TransformContext = {
  batchId: string;
  now: Date;
  /** The send time Sendboard was told, for a provider that cannot report it (profile.sendTime). */
  sendAt?: string | null;
  /** What the provider's event webhook counted for the batch; null when nothing came. */
  emailEvents?: EmailEventsTally | null;
};

type DetailValue = BatchDetails[string];

/** progressOf, except that a finished batch with nothing to send counts as done. */
export function batchProgress(
  processed: number,
  total: number | null,
  state: BatchState,
): number | null {
  if (total === 0 && isTerminalState(state)) return 1;
  return progressOf(processed, total);
}

/** Drops missing values so the UI lists only what the provider actually told us. */
export function compactDetails(entries: Record<string, DetailValue | undefined>): BatchDetails {
  const details: BatchDetails = {};
  for (const [key, value] of Object.entries(entries)) {
    if (value === undefined || value === null || value === "") continue;
    if (Array.isArray(value) && value.length === 0) continue;
    details[key] = value;
  }
  return details;
}

const NAME_MAX = 200;

/** A provider's name for a batch as the views show it: one line, trimmed, never empty. */
export function providerBatchName(value: string | null | undefined): string | null {
  const name = value?.replace(/\s+/g, " ").trim();
  return name ? name.slice(0, NAME_MAX) : null;
}

export function unknownStatusNote(providerName: string, status: string): string {
  return `${providerName} reported a status Sendboard does not know (“${status}”); it is shown as is.`;
}

export function plural(count: number, one: string, many: string): string {
  return `${count} ${count === 1 ? one : many}`;
}
