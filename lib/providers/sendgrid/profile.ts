import type { ProviderProfile } from "../provider-profile";

export const sendGridProfile = {
  id: "sendgrid",
  name: "SendGrid",
  channel: "Email",
  // SendGrid batch ids are URL-safe base64 strings.
  batchId: { pattern: /^[A-Za-z0-9_=-]{1,128}$/, hint: "1–128 letters, digits, “_”, “-” or “=”", example: "HkJ5yLYULb7Rj8GKSx7u025ouWVlMgAi" },
  defaultBaseUrl: "https://api.sendgrid.com",
  // EU regional subusers live on their own host.
  regions: ["global", "eu"],
  regionalBaseUrls: { eu: "https://api.eu.sendgrid.com" },
  envPrefix: "SENDGRID",
  // A poll costs two requests: the batch id check and its scheduled sends.
  budget: { perMinute: 300, callsPerPoll: 2 },
  settling: { everyMs: 30_000, polls: 2 },
  capabilities: {
    // GET /v3/user/scheduled_sends lists only paused and cancelled batches, not recent ones.
    list: "paused-and-cancelled",
    // Until 10 minutes before send_at.
    actions: ["pause", "resume", "cancel"],
    // No per-batch rows in the API: only events of sends we tagged, through the Event Webhook.
    recipients: "webhook",
    // ECDSA-signed arrays of events.
    webhooks: { events: "email-events", signed: true },
  },
  // SendGrid cannot return send_at; pause/cancel close 10 minutes before it, a pause expires 72 h after it.
  sendTime: { holdClosesBeforeMs: 10 * 60_000, pausedExpiresAfterMs: 72 * 60 * 60_000 },
  reports: {
    // No counts at all: only whether the batch id exists and is paused or cancelled.
    items: { one: "email", many: "emails" },
    lateCounts: null,
    captions: {},
  },
} as const satisfies ProviderProfile<"sendgrid">;
