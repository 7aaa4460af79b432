import "server-only";
import type { BatchState } from "@/lib/batch-snapshot";
import { z } from "zod";
import { parsePayload } from "../payload";
import { readEach } from "../read-each";
import { summaryOf, withState } from "../send-summaries";
import type { SendSummaryPage } from "../types";
import { sendGridProfile } from "./profile";
import { normalizeSendGridBatch } from "./transform";

const NAME = sendGridProfile.name;
const entrySchema = z.object({ batch_id: z.string().min(1), status: z.string() });

export const ONLY_HELD_NOTE =
  "SendGrid lists only paused and cancelled batches: one that is simply scheduled appears once Sendboard has seen it.";

/**
 * GET /v3/user/scheduled_sends → a summary per batch id. Each id's entries go through the batch
 * transform, so a batch with both a pause and a cancel entry reads cancelled here as on its page.
 */
export function normalizeSendGridScheduledSendList(
  raw: unknown,
  { now, state }: { now: Date; state?: BatchState },
): SendSummaryPage {
  const { read: entries, notes } = readEach(
    parsePayload(z.array(z.unknown()), raw, NAME),
    (entry) => entrySchema.safeParse(entry).data ?? null,
    ["scheduled-send entry", "scheduled-send entries"],
  );
  const byBatch = new Map<string, (typeof entries)[number][]>();
  for (const entry of entries)
    byBatch.set(entry.batch_id, [...(byBatch.get(entry.batch_id) ?? []), entry]);
  const summaries = [...byBatch].map(([batchId, own]) =>
    summaryOf(
      normalizeSendGridBatch(
        { batch: { batch_id: batchId }, scheduledSends: own },
        { batchId, now },
      ),
      null,
    ),
  );
  return {
    items: withState(summaries, state),
    nextCursor: null,
    notes: [ONLY_HELD_NOTE, ...notes],
  };
}

/** The pause or cancel entry SendGrid holds for one batch (GET …/scheduled_sends/{id}), or null. */
export function heldStatusOf(raw: unknown, batchId: string, now: Date): string | null {
  const snapshot = normalizeSendGridBatch(
    { batch: { batch_id: batchId }, scheduledSends: raw },
    { batchId, now },
  );
  return snapshot.providerStatus?.trim().toLowerCase() ?? null;
}
