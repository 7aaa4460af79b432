import "server-only";
import { isTerminalState } from "@/lib/batch-snapshot";
import type { BatchCount, BatchSnapshot, BatchState } from "@/lib/batch-snapshot";
import { parsePayload } from "../payload";
import { batchProgress, compactDetails, providerBatchName, unknownStatusNote } from "../snapshot-parts";
import type { TransformContext } from "../snapshot-parts";
import { mindoProfile } from "./profile";
import { mindoBulkSendSchema } from "./schema";
import type { MindoBulkSend } from "./schema";

const NAME = mindoProfile.name;

const STATES: Record<string, BatchState> = {
  QUEUED: "queued",
  PROCESSING: "running",
  COMPLETED: "completed",
  PARTIAL: "partial",
  FAILED: "failed",
  CANCELLED: "cancelled",
};

export function normalizeMindoBulkSend(
  raw: unknown,
  { batchId, now }: TransformContext,
): BatchSnapshot {
  const send = parsePayload(mindoBulkSendSchema, raw, NAME);
  const total = send.total_recipients;
  const sent = send.sent_count ?? 0;
  const delivered = send.delivered_count ?? 0;
  const read = send.read_count ?? 0;
  const failed = send.failed_count ?? 0;
  const pending = send.pending_count ?? Math.max(0, (total ?? 0) - sent - failed);
  const processed = sent + failed;
  // Creation answers "queued", GET answers "QUEUED": compare without case.
  const state = STATES[send.status.trim().toUpperCase()] ?? "unknown";
  return {
    provider: "mindo",
    batchId,
    name: providerBatchName(send.template?.template_name),
    state,
    providerStatus: send.status,
    total,
    processed,
    progress: batchProgress(processed, total, state),
    // sent ⊇ delivered ⊇ read, so the exclusive buckets are the differences between stages.
    counts: exclusiveCounts({ pending, sent, delivered, read, failed }),
    funnel: [
      { status: "sent", label: "Sent", count: sent },
      { status: "delivered", label: "Delivered", count: delivered },
      { status: "read", label: "Read", count: read },
    ],
    etaSeconds: etaSecondsOf(send.estimated_time_minutes, state),
    createdAt: send.created_at,
    startedAt: send.started_at,
    completedAt: send.completed_at,
    scheduledAt: null,
    updatedAt: null,
    fetchedAt: now.toISOString(),
    stale: false,
    notes: mindoNotes(send, state),
    details: compactDetails({
      template: send.template?.template_name,
      templateLanguage: send.template?.language,
      templateStatus: send.template?.status,
      senderNumber: send.phone_number?.display_phone_number,
      senderName: send.phone_number?.verified_name,
      createdBy: createdByOf(send.created_by),
    }),
    reason: null,
  };
}

type Stages = { pending: number; sent: number; delivered: number; read: number; failed: number };

function exclusiveCounts({ pending, sent, delivered, read, failed }: Stages): BatchCount[] {
  return [
    { status: "pending", label: "Pending", count: pending, outcome: "pending" },
    {
      status: "sent",
      label: "Sent, not yet delivered",
      count: Math.max(0, sent - delivered),
      outcome: "success",
    },
    {
      status: "delivered",
      label: "Delivered, not read",
      count: Math.max(0, delivered - read),
      outcome: "success",
    },
    { status: "read", label: "Read", count: read, outcome: "success" },
    { status: "failed", label: "Failed", count: failed, outcome: "failure" },
  ];
}

function etaSecondsOf(minutes: number | null, state: BatchState): number | null {
  if (minutes === null || minutes < 0 || isTerminalState(state)) return null;
  return Math.round(minutes * 60);
}

function createdByOf(user: MindoBulkSend["created_by"]): string | null {
  if (!user) return null;
  const name = [user.first_name, user.last_name].filter(Boolean).join(" ");
  if (name && user.email) return `${name} (${user.email})`;
  return name || user.email;
}

function mindoNotes(send: MindoBulkSend, state: BatchState): string[] {
  const notes = [
    "Sent, delivered and read are a funnel: a read message also counts as delivered and sent.",
  ];
  if (isTerminalState(state)) {
    notes.push(
      "Delivered and read counts keep rising after sending ends, as WhatsApp reports them.",
    );
  }
  if (state === "unknown") notes.push(unknownStatusNote(NAME, send.status));
  return notes;
}
