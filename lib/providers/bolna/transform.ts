import "server-only";
import { isFinalOutcome, type BatchCount, type BatchSnapshot, type BatchState } from "@/lib/batch-snapshot";
import { parsePayload } from "../payload";
import { batchProgress, compactDetails, providerBatchName, plural, unknownStatusNote } from "../snapshot-parts";
import type { TransformContext } from "../snapshot-parts";
import { bolnaProfile } from "./profile";
import { callStatusCounts } from "./call-statuses";
import { bolnaBatchSchema } from "./schema";
import type { BolnaBatch } from "./schema";

const NAME = bolnaProfile.name;

export function normalizeBolnaBatch(
  raw: unknown,
  { batchId, now }: TransformContext,
): BatchSnapshot {
  const batch = parsePayload(bolnaBatchSchema, raw, NAME);
  const counts = callStatusCounts(batch.execution_status);
  const total = batch.valid_contacts;
  const processed = sumCounts(counts.filter((bucket) => isFinalOutcome(bucket.outcome)));
  const state = toBolnaState(batch.status, counts);
  const invalidContacts = invalidContactsOf(batch);
  return {
    provider: "bolna",
    batchId,
    name: providerBatchName(batch.file_name),
    state,
    providerStatus: batch.status,
    total,
    processed,
    progress: batchProgress(processed, total, state),
    counts,
    funnel: null,
    etaSeconds: null,
    createdAt: batch.created_at,
    // Calls start at the scheduled time [I: Bolna's docs schedule runs, they report no start].
    startedAt: state === "scheduled" || state === "queued" ? null : batch.scheduled_at,
    completedAt: null,
    scheduledAt: batch.scheduled_at,
    updatedAt: batch.updated_at,
    fetchedAt: now.toISOString(),
    stale: false,
    notes: bolnaNotes(batch, state, counts, invalidContacts),
    details: compactDetails({
      fileName: batch.file_name,
      fromPhoneNumbers:
        batch.from_phone_numbers ?? (batch.from_phone_number ? [batch.from_phone_number] : null),
      totalContacts: batch.total_contacts,
      invalidContacts,
    }),
    reason: null,
  };
}

function toBolnaState(status: string, counts: BatchCount[]): BatchState {
  switch (status.trim().toLowerCase()) {
    case "scheduled":
      return "scheduled";
    case "created":
    case "queued":
      return "queued";
    case "executed":
      return counts.some((c) => c.count > 0 && !isFinalOutcome(c.outcome))
        ? "running"
        : "completed";
    case "stopped":
    case "canceled":
    case "cancelled":
      return "cancelled";
    case "completed":
      return "completed";
    case "failed":
      return "failed";
    default:
      return "unknown";
  }
}

function sumCounts(counts: BatchCount[]): number {
  return counts.reduce((sum, bucket) => sum + bucket.count, 0);
}

function invalidContactsOf(batch: BolnaBatch): number | null {
  if (batch.total_contacts === null || batch.valid_contacts === null) return null;
  return Math.max(0, batch.total_contacts - batch.valid_contacts);
}

function bolnaNotes(
  batch: BolnaBatch,
  state: BatchState,
  counts: BatchCount[],
  invalid: number | null,
): string[] {
  const notes: string[] = [];
  if (invalid) {
    notes.push(
      invalid === 1
        ? "1 invalid contact was rejected from the CSV and is not counted."
        : `${invalid} invalid contacts were rejected from the CSV and are not counted.`,
    );
  }
  const calls = sumCounts(counts);
  if (batch.valid_contacts !== null && calls > batch.valid_contacts) {
    notes.push(
      `Bolna reports ${plural(calls, "call", "calls")} for ${plural(batch.valid_contacts, "valid contact", "valid contacts")}, so the call counts do not add up to the contacts.`,
    );
  }
  if (counts.some((c) => c.count > 0 && c.status.trim().toLowerCase() === "call-disconnected")) {
    notes.push(
      "“Call disconnected” calls are still being processed and usually turn Completed within minutes.",
    );
  }
  if (state === "unknown") notes.push(unknownStatusNote(NAME, batch.status));
  return notes;
}
