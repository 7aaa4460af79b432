import type { BatchCount, BatchSnapshot, BatchState } from "@/lib/batch-snapshot";
import type { EmailEventsTally } from "../email-events-tally";
import { batchProgress } from "../snapshot-parts";

export const WEBHOOK_NOTE =
  "The numbers come from SendGrid's Event Webhook: mail tagged with this batch id, each message counted once in the furthest state its events reached. Progress is the messages SendGrid is done with (delivered, bounced, blocked or dropped) out of those it processed.";

/** Messages SendGrid is done with: delivered, or refused for good. */
export function finalMessages(tally: EmailEventsTally): number {
  return tally.delivered + tally.bounced + tally.blocked + tally.dropped;
}

/**
 * The counting part of a SendGrid snapshot once its webhook has told something: total = messages
 * processed, processed = those in a final state, so progress, throughput and ETA read as for the
 * other providers.
 */
export function eventCountsPart(
  tally: EmailEventsTally,
  state: BatchState,
): Pick<BatchSnapshot, "total" | "processed" | "progress" | "counts" | "funnel"> {
  const done = finalMessages(tally);
  return {
    total: tally.processed,
    processed: done,
    progress: batchProgress(done, tally.processed, state),
    counts: exclusiveCounts(tally),
    funnel: [
      { status: "delivered", label: "Delivered", count: tally.delivered },
      { status: "opened", label: "Opened", count: tally.opened },
      { status: "clicked", label: "Clicked", count: tally.clicked },
    ],
  };
}

/** A held (paused, cancelled) batch keeps its state; else it runs until every message is final. */
export function eventDrivenState(held: BatchState, tally: EmailEventsTally): BatchState {
  if (held === "paused" || held === "cancelled" || held === "failed") return held;
  return finalMessages(tally) < tally.processed ? "running" : "completed";
}

function exclusiveCounts(tally: EmailEventsTally): BatchCount[] {
  const waiting = Math.max(0, tally.processed - finalMessages(tally) - tally.deferred);
  return [
    {
      status: "processed",
      label: "Processed, not yet delivered",
      count: waiting,
      outcome: "pending",
    },
    {
      status: "deferred",
      label: "Deferred (SendGrid retries)",
      count: tally.deferred,
      outcome: "active",
    },
    { status: "delivered", label: "Delivered", count: tally.delivered, outcome: "success" },
    { status: "bounced", label: "Bounced", count: tally.bounced, outcome: "failure" },
    { status: "blocked", label: "Blocked", count: tally.blocked, outcome: "failure" },
    { status: "dropped", label: "Dropped", count: tally.dropped, outcome: "failure" },
  ];
}
