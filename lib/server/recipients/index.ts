import "server-only";

// A batch's recipients, one row each: who failed and why. Read on demand only (nobody opens the
// panel, no calls), kept in memory for a short while, never stored or logged.
export { listBatchRecipients, RECIPIENTS_PAGE_SIZE } from "./list-recipients";
export type { RecipientsInput } from "./list-recipients";
export { getBatchRecipientsCsv } from "./recipients-export";
export { forgetRecipientLists } from "./recipient-lists";
export { WEBHOOK_RECIPIENT_SOURCES } from "./webhook-sources";
export type { WebhookRecipientSource } from "./webhook-sources";
export { parseRecipientsRequest } from "./recipients-request";
export { updateRecipientRow } from "./update-row";
