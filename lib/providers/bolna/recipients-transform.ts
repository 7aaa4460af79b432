import "server-only";
import type { Outcome } from "@/lib/batch-snapshot";
import type { RecipientRow } from "@/lib/recipient-row";
import { parsePayload } from "../payload";
import { readEach } from "../read-each";
import { compactDetails } from "../snapshot-parts";
import type { RecipientPage } from "../types";
import { callOutcomeOf } from "./call-outcome";
import { bolnaExecutionSchema, bolnaExecutionsSchema } from "./operations-schema";
import type { BolnaExecution } from "./operations-schema";
import { bolnaProfile } from "./profile";

const NAME = bolnaProfile.name;
const NOUN = ["call on this page", "calls on this page"] as const;

export type BolnaExecutionsContext = { page: number; pageSize: number; outcome?: Outcome };

/**
 * GET /batches/{id}/executions → one page of calls. A bare array holds every call, so it is
 * filtered and paged here; an envelope is one of Bolna's pages, filtered as it comes.
 */
export function normalizeBolnaExecutionPage(
  raw: unknown,
  { page, pageSize, outcome }: BolnaExecutionsContext,
): RecipientPage {
  const body = parsePayload(bolnaExecutionsSchema, raw, NAME);
  const keep = (rows: RecipientRow[]) =>
    outcome === undefined ? rows : rows.filter((row) => row.outcome === outcome);
  if (Array.isArray(body)) {
    const { read, notes } = readEach(body, callRow, NOUN);
    const rows = keep(read);
    const more = rows.length > page * pageSize;
    return {
      items: rows.slice((page - 1) * pageSize, page * pageSize),
      nextCursor: more ? String(page + 1) : null,
      notes,
    };
  }
  const { read, notes } = readEach(body.data, callRow, NOUN);
  const more = body.has_more ?? (body.total ?? 0) > page * (body.page_size ?? pageSize);
  return { items: keep(read), nextCursor: more ? String(page + 1) : null, notes };
}

/** One execution object (a page's item, or a webhook's body) as a recipient row; null without a number. */
export function callRow(item: unknown): RecipientRow | null {
  const parsed = bolnaExecutionSchema.safeParse(item);
  if (!parsed.success) return null;
  const call = parsed.data;
  const recipient = call.telephony_data?.to_number ?? call.context_details?.recipient_phone_number;
  if (!recipient) return null;
  return {
    recipient,
    status: call.status,
    outcome: callOutcomeOf(call.status),
    reason: call.error_message ?? call.telephony_data?.hangup_reason ?? null,
    at: call.updated_at ?? call.created_at,
    details: compactDetails({
      executionId: call.id,
      durationSeconds: durationOf(call),
      hangupBy: call.telephony_data?.hangup_by,
      answeredByVoicemail: call.answered_by_voice_mail,
      retries: call.batch_run_details?.retried,
      fromNumber: call.telephony_data?.from_number,
    }),
  };
}

function durationOf(call: BolnaExecution): number | null {
  return (
    call.conversation_duration ?? call.conversation_time ?? call.telephony_data?.duration ?? null
  );
}
