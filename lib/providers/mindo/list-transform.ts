import "server-only";
import type { BatchState } from "@/lib/batch-snapshot";
import { z } from "zod";
import { lenientString } from "../lenient";
import { parsePayload } from "../payload";
import { readEach } from "../read-each";
import { summaryOf, withState } from "../send-summaries";
import type { SendSummaryPage } from "../types";
import { hasNextPage, mindoPageSchema } from "./page-schema";
import { mindoProfile } from "./profile";
import { normalizeMindoBulkSend } from "./transform";

const NAME = mindoProfile.name;
const withId = z.object({ id: lenientString });

export type MindoListContext = { page: number; pageSize: number; now: Date; state?: BatchState };

/**
 * GET …/bulk-sends/ → one page of summaries. List items are a subset of the status object, so
 * each goes through the batch transform itself: a send reads the same here as on its page.
 */
export function normalizeMindoBulkSendPage(
  raw: unknown,
  { page, pageSize, now, state }: MindoListContext,
): SendSummaryPage {
  const envelope = parsePayload(mindoPageSchema, raw, NAME);
  const { read, notes } = readEach(
    envelope.results,
    (item) => {
      const id = withId.safeParse(item).data?.id;
      if (!id) return null;
      const snapshot = normalizeMindoBulkSend(item, { batchId: id, now });
      return summaryOf(
        snapshot,
        typeof snapshot.details.template === "string" ? snapshot.details.template : null,
      );
    },
    ["bulk send on this page", "bulk sends on this page"],
  );
  const more = hasNextPage(envelope, page, pageSize);
  return { items: withState(read, state), nextCursor: more ? String(page + 1) : null, notes };
}
