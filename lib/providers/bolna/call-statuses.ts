import "server-only";
import { OUTCOMES, type BatchCount, type Outcome } from "@/lib/batch-snapshot";

type CallStatus = { label: string; outcome: Outcome };

// Bolna's documented call statuses, in display order. Anything else is treated as a live call:
// it is not final, so the batch is not done while such calls exist. Busy and no-answer calls did
// not connect, but nothing broke: unreached. Balance-low stays a failure: the call was never
// placed because the account ran out of credit, which someone has to fix.
const KNOWN: ReadonlyArray<readonly [string, CallStatus]> = [
  ["scheduled", { label: "Scheduled", outcome: "pending" }],
  ["queued", { label: "Queued", outcome: "pending" }],
  ["rescheduled", { label: "Rescheduled", outcome: "pending" }],
  ["initiated", { label: "Initiated", outcome: "active" }],
  ["ringing", { label: "Ringing", outcome: "active" }],
  ["in-progress", { label: "In progress", outcome: "active" }],
  ["call-disconnected", { label: "Call disconnected", outcome: "active" }],
  ["completed", { label: "Completed", outcome: "success" }],
  ["busy", { label: "Busy", outcome: "unreached" }],
  ["no-answer", { label: "No answer", outcome: "unreached" }],
  ["balance-low", { label: "Balance low", outcome: "failure" }],
  ["canceled", { label: "Canceled", outcome: "failure" }],
  ["cancelled", { label: "Cancelled", outcome: "failure" }],
  ["failed", { label: "Failed", outcome: "failure" }],
  ["stopped", { label: "Stopped", outcome: "failure" }],
  ["error", { label: "Error", outcome: "failure" }],
];
const KNOWN_INDEX = new Map(KNOWN.map(([status, info], index) => [status, { ...info, index }]));
const OUTCOME_ORDER = Object.fromEntries(OUTCOMES.map((outcome, index) => [outcome, index])) as Record<Outcome, number>;

/** One bucket per call status present, ordered pending, active, success, unreached, failure. */
export function callStatusCounts(executionStatus: Record<string, number | null>): BatchCount[] {
  const buckets = Object.entries(executionStatus).map(([status, count]) => {
    const known = KNOWN_INDEX.get(status.trim().toLowerCase());
    return {
      bucket: {
        status,
        label: known?.label ?? humanize(status),
        count: count ?? 0,
        outcome: known?.outcome ?? "active",
      } satisfies BatchCount,
      index: known?.index ?? KNOWN.length,
    };
  });
  buckets.sort(
    (a, b) =>
      OUTCOME_ORDER[a.bucket.outcome] - OUTCOME_ORDER[b.bucket.outcome] || a.index - b.index,
  );
  return buckets.map(({ bucket }) => bucket);
}

function humanize(status: string): string {
  const words = status.trim().replace(/[-_]+/g, " ").toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1) || status;
}
