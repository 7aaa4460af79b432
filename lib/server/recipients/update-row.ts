import "server-only";
import type { BatchRef } from "@/lib/batch-ref";
import type { RecipientRow } from "@/lib/recipient-row";
import { applyRecipientUpdate } from "./recipient-lists";
import { recipientListPrefix } from "./recipient-source";

/** A provider pushed one call's new state: the rows this instance holds for the batch show it. */
export function updateRecipientRow(connectionId: string, ref: BatchRef, executionId: string, row: RecipientRow): void {
  applyRecipientUpdate(recipientListPrefix(connectionId, ref), executionId, row);
}
