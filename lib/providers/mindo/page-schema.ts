import "server-only";
import { z } from "zod";
import { lenientString, lenientTimestamp } from "../lenient";
import { countField } from "../payload";

// Django REST Framework's page: {count, next, previous, results}. `next` is an absolute URL, read
// only to learn whether there is a next page; the items are checked one by one by their reader.
export const mindoPageSchema = z.object({
  count: countField.optional(),
  next: z.unknown().optional(),
  results: z.array(z.unknown()),
});

export type MindoPage = z.output<typeof mindoPageSchema>;

/** Whether a page has a successor: DRF's `next`, or the count when `next` went missing. */
export function hasNextPage({ count, next }: MindoPage, page: number, pageSize: number): boolean {
  if (typeof next === "string") return next.trim() !== "";
  if (next === null) return false;
  return (count ?? 0) > page * pageSize;
}

// GET …/bulk-sends/{id}/messages/ rows. Only what a recipient row shows is read:
// variables_used (names, codes) is recipient data Sendboard has no use for.
export const mindoMessageSchema = z.object({
  id: lenientString,
  recipient_phone: z.string().min(1),
  status: z.string().min(1),
  meta_message_id: lenientString,
  sent_at: lenientTimestamp,
  delivered_at: lenientTimestamp,
  read_at: lenientTimestamp,
  error_message: lenientString,
});

export type MindoMessage = z.output<typeof mindoMessageSchema>;
