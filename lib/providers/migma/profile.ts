import type { ProviderProfile } from "../provider-profile";

export const migmaProfile = {
  id: "migma",
  name: "Migma",
  channel: "Email",
  // Opaque string in Migma's docs; its ids are letters, digits, "_" and "-".
  batchId: { pattern: /^[A-Za-z0-9_-]{1,128}$/, hint: "1–128 letters, digits, “_” or “-”", example: "camp_8f2a91c4" },
  defaultBaseUrl: "https://api.migma.ai",
  regions: [],
  envPrefix: "MIGMA",
  // Its free plan's 10 calls a minute.
  budget: { perMinute: 10, callsPerPoll: 1 },
  // Counts stop moving once a send batch ends: a short tail.
  settling: { everyMs: 30_000, polls: 2 },
  capabilities: {
    // No list call: batch ids surface only on campaigns.
    list: "none",
    // Only scheduled campaigns can be cancelled, never a send batch.
    actions: [],
    // Per-recipient logs exist for campaigns only.
    recipients: "none",
    // Account webhooks carry no sending or batch events.
    webhooks: null,
  },
  reports: {
    items: { one: "email", many: "emails" },
    // Queued, sent and failed only: nothing arrives after the batch ends.
    lateCounts: null,
    // "Sent" is handed to the sending service; Migma reports no delivery.
    captions: { sent: "Sent · delivery not reported" },
  },
} as const satisfies ProviderProfile<"migma">;
