// The counts an email provider's event webhook built up for one batch (SendGrid's, so far): each
// message once, in the furthest delivery state its events reached; opened and clicked once per
// message. Sendboard keeps them; the adapter's transform shows them beside what the API says.
export type EmailEventsTally = {
  /** Messages the provider took (every message with a delivery event). */
  processed: number;
  deferred: number;
  delivered: number;
  bounced: number;
  blocked: number;
  dropped: number;
  opened: number;
  clicked: number;
  /** Events recorded (each once, however often the provider sent it). */
  events: number;
  firstEventAt: string | null;
  lastReceivedAt: string;
};
