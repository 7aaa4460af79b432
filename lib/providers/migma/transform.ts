import "server-only";
import type { BatchSnapshot, BatchState } from "@/lib/batch-snapshot";
import { AppError } from "@/lib/errors";
import { badPayloadError } from "../http";
import { parsePayload } from "../payload";
import { batchProgress, compactDetails, providerBatchName, unknownStatusNote } from "../snapshot-parts";
import type { TransformContext } from "../snapshot-parts";
import { migmaProfile } from "./profile";
import { migmaBatchSchema, migmaEnvelopeSchema } from "./schema";
import type { MigmaBatch, MigmaEnvelope } from "./schema";

const NAME = migmaProfile.name;

export function normalizeMigmaBatch(
  raw: unknown,
  { batchId, now }: TransformContext,
): BatchSnapshot {
  const batch = parsePayload(migmaBatchSchema, readEnvelopeData(raw), NAME);
  const total = batch.totalCount;
  const sent = batch.sentCount ?? 0;
  const failed = batch.failedCount ?? 0;
  const queued = batch.queuedCount ?? Math.max(0, (total ?? 0) - sent - failed);
  const processed = sent + failed;
  const state = toMigmaState(batch.status, failed);
  return {
    provider: "migma",
    batchId,
    name: providerBatchName(batch.subject),
    state,
    providerStatus: batch.status,
    total,
    processed,
    progress: batchProgress(processed, total, state),
    counts: [
      { status: "queued", label: "Queued", count: queued, outcome: "pending" },
      { status: "sent", label: "Sent", count: sent, outcome: "success" },
      { status: "failed", label: "Failed", count: failed, outcome: "failure" },
    ],
    funnel: null,
    etaSeconds: null,
    createdAt: batch.createdAt,
    startedAt: null,
    completedAt: null,
    scheduledAt: null,
    updatedAt: batch.updatedAt,
    fetchedAt: now.toISOString(),
    stale: false,
    notes: migmaNotes(batch, state),
    details: compactDetails({
      subject: batch.subject,
      from: batch.from,
      fromName: batch.fromName,
      sendingProvider: batch.provider,
      recipientType: batch.recipientType,
      recipientId: batch.recipientId,
    }),
    reason: batch.error?.trim() || null,
  };
}

// Migma can answer HTTP 200 with success:false; that is an error, not a batch.
function readEnvelopeData(raw: unknown): unknown {
  const envelope = parsePayload(migmaEnvelopeSchema, raw, NAME);
  if (envelope.success === false) throw envelopeError(envelope);
  if (envelope.data === null || envelope.data === undefined) throw badPayloadError(NAME);
  return envelope.data;
}

function envelopeError({ code, error }: MigmaEnvelope): AppError {
  const notFound = /not[\s_-]*found/i;
  if (notFound.test(code ?? "") || notFound.test(error ?? "")) {
    return new AppError("not_found", `${NAME} has no batch with this id.`);
  }
  return new AppError("provider_error", `${NAME} reported an error instead of the batch.`);
}

function toMigmaState(status: string, failed: number): BatchState {
  switch (status.trim().toLowerCase()) {
    case "queued":
    case "pending":
      return "queued";
    case "processing":
      return "running";
    case "completed":
      return failed > 0 ? "partial" : "completed";
    case "failed":
      return "failed";
    default:
      return "unknown";
  }
}

function migmaNotes(batch: MigmaBatch, state: BatchState): string[] {
  const notes = [
    "“Sent” means handed to the sending service; Migma reports no delivery or open counts.",
  ];
  if (batch.queuedCount === null && batch.totalCount !== null) {
    notes.push("Migma did not report a queued count; it is the total minus sent and failed.");
  }
  if (state === "unknown") notes.push(unknownStatusNote(NAME, batch.status));
  return notes;
}
