import "server-only";
import type { BatchSnapshot, BatchState } from "@/lib/batch-snapshot";
import { parsePayload } from "../payload";
import { unknownStatusNote } from "../snapshot-parts";
import type { TransformContext } from "../snapshot-parts";
import { sendGridProfile } from "./profile";
import { sendGridBatchSchema } from "./schema";
import { eventCountsPart, eventDrivenState, WEBHOOK_NOTE } from "./event-counts";
import { SEND_TIME_UNKNOWN, sendTimeStateOf } from "./send-time-state";
import type { SendGridScheduledSend } from "./schema";

const NAME = sendGridProfile.name;

export function normalizeSendGridBatch(
  raw: unknown,
  { batchId, now, sendAt = null, emailEvents = null }: TransformContext,
): BatchSnapshot {
  const { scheduledSends } = parsePayload(sendGridBatchSchema, raw, NAME);
  const entry = pickScheduledSend(scheduledSends, batchId);
  const held = entry ? toSendGridState(entry.status) : "scheduled";
  const timed = sendTimeStateOf(held, sendAt, now);
  const snapshot = sendGridSnapshot(batchId, now, sendAt, entry, timed, timed?.state ?? held);
  const tally = emailEvents && emailEvents.processed > 0 ? emailEvents : null;
  if (!tally) return snapshot;
  // The webhook knows more than the schedule: mail is going out until every message is final.
  const state = eventDrivenState(snapshot.state, tally);
  return {
    ...snapshot,
    state,
    ...eventCountsPart(tally, state),
    startedAt: tally.firstEventAt,
    updatedAt: tally.lastReceivedAt,
    completedAt: state === "completed" ? (snapshot.completedAt ?? tally.lastReceivedAt) : snapshot.completedAt,
    notes: [WEBHOOK_NOTE, ...snapshot.notes.slice(1)],
    details: { webhookEvents: tally.events },
  };
}

function sendGridSnapshot(
  batchId: string,
  now: Date,
  sendAt: string | null,
  entry: SendGridScheduledSend | null,
  timed: ReturnType<typeof sendTimeStateOf>,
  state: BatchState,
): BatchSnapshot {
  return {
    provider: "sendgrid",
    batchId,
    // SendGrid's batch is an id and a status: nothing names it.
    name: null,
    state,
    providerStatus: entry?.status ?? null,
    total: null,
    processed: 0,
    progress: null,
    counts: [],
    funnel: null,
    etaSeconds: null,
    createdAt: null,
    startedAt: null,
    completedAt: timed?.completedAt ?? null,
    scheduledAt: timed ? sendAt : null,
    updatedAt: null,
    fetchedAt: now.toISOString(),
    stale: false,
    notes: sendGridNotes(state, entry, timed !== null),
    details: {},
    reason: timed?.reason ?? null,
  };
}

// The per-batch endpoint answers an array; SendGrid's own example lists other ids in it, so prefer
// entries for this id, else trust the endpoint's scope. Cancel outranks pause: it is final.
function pickScheduledSend(
  entries: SendGridScheduledSend[],
  batchId: string,
): SendGridScheduledSend | null {
  const own = entries.filter((entry) => entry.batch_id === batchId);
  const candidates = own.length > 0 ? own : entries;
  return (
    candidates.find((entry) => toSendGridState(entry.status) === "cancelled") ??
    candidates[0] ??
    null
  );
}

function toSendGridState(status: string): BatchState {
  switch (status.trim().toLowerCase()) {
    case "pause":
      return "paused";
    case "cancel":
      return "cancelled";
    default:
      return "unknown";
  }
}

function sendGridNotes(state: BatchState, entry: SendGridScheduledSend | null, timed: boolean): string[] {
  const notes = [
    "SendGrid reports no per-batch counts: only whether the batch is scheduled, paused or cancelled.",
  ];
  if (state === "completed") {
    notes.push("The send time has passed with no pause or cancel: SendGrid handed the mail over for delivery.");
  } else if (state === "failed") {
    notes.push("The batch stayed paused 72 hours past its send time: SendGrid discarded its mail as expired.");
  } else if (timed && state === "scheduled") {
    notes.push("The mail goes out at the send time unless it is paused or cancelled at least 10 minutes before.");
  } else if (state === "scheduled") {
    notes.push(
      "“Scheduled” means the batch id exists and is not paused or cancelled; its mail may already have gone out.",
    );
  } else if (state === "paused") {
    notes.push(
      "Paused mail is held past its send time and expires 72 hours after it unless resumed.",
    );
  } else if (state === "cancelled") {
    notes.push("Cancelled mail is discarded when its send time comes.");
  } else if (entry) {
    notes.push(unknownStatusNote(NAME, entry.status));
  }
  if (!timed) notes.push(SEND_TIME_UNKNOWN);
  return notes;
}
