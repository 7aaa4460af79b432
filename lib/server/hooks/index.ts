import "server-only";

// Provider webhooks: events pushed to Sendboard, verified, stored once, tallied per batch.
export { ingestSendGridEvents } from "./sendgrid/ingest";
export type { SendGridDelivery } from "./sendgrid/ingest";
export { readSendGridRecipients } from "./sendgrid/recipients";
export { SIGNATURE_HEADER, TIMESTAMP_HEADER } from "./sendgrid/verify-signature";
