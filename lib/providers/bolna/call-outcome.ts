import "server-only";
import type { Outcome } from "@/lib/batch-snapshot";
import { callStatusCounts } from "./call-statuses";

/** One call's outcome, read through the batch counts' own table, so a row and its bucket agree. */
export function callOutcomeOf(status: string): Outcome {
  return callStatusCounts({ [status]: 1 })[0]?.outcome ?? "active";
}
