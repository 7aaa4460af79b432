import type { BatchState, Outcome } from "@/lib/batch-snapshot";

// Literal class names per state and outcome, so Tailwind sees every one of them in the source.
export const STATE_STYLES = {
  scheduled: { label: "Scheduled", text: "text-state-scheduled", fill: "bg-state-scheduled" },
  queued: { label: "Queued", text: "text-state-queued", fill: "bg-state-queued" },
  running: { label: "Running", text: "text-state-running", fill: "bg-state-running" },
  paused: { label: "Paused", text: "text-state-paused", fill: "bg-state-paused" },
  completed: { label: "Completed", text: "text-state-completed", fill: "bg-state-completed" },
  partial: { label: "Partially failed", text: "text-state-partial", fill: "bg-state-partial" },
  failed: { label: "Failed", text: "text-state-failed", fill: "bg-state-failed" },
  cancelled: { label: "Cancelled", text: "text-state-cancelled", fill: "bg-state-cancelled" },
  unknown: { label: "Unknown", text: "text-state-unknown", fill: "bg-state-unknown" },
} as const satisfies Record<BatchState, { label: string; text: string; fill: string }>;

export const OUTCOME_STYLES = {
  pending: { label: "Waiting", text: "text-outcome-pending", border: "border-t-outcome-pending" },
  active: { label: "In progress", text: "text-outcome-active", border: "border-t-outcome-active" },
  success: { label: "Succeeded", text: "text-outcome-success", border: "border-t-outcome-success" },
  unreached: {
    label: "Not reached",
    text: "text-outcome-unreached",
    border: "border-t-outcome-unreached",
  },
  failure: { label: "Failed", text: "text-outcome-failure", border: "border-t-outcome-failure" },
} as const satisfies Record<Outcome, { label: string; text: string; border: string }>;
