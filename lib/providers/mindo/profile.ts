import type { ProviderProfile } from "../provider-profile";

export const mindoProfile = {
  id: "mindo",
  name: "Mindo",
  channel: "WhatsApp",
  // A UUID, per Mindo's docs.
  batchId: {
    pattern: /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/,
    hint: "a UUID such as a3f2b8c9-4d5e-6f7a-8b9c-0d1e2f3a4b5c",
    example: "a3f2b8c9-4d5e-6f7a-8b9c-0d1e2f3a4b5c",
  },
  defaultBaseUrl: "https://api.mindosoftware.com",
  regions: [],
  envPrefix: "MINDO",
  // Its limits are undocumented, so polite.
  budget: { perMinute: 60, callsPerPoll: 1 },
  // Delivered and read counts keep moving for minutes after a terminal state: a long low-rate tail.
  settling: { everyMs: 30_000, polls: 20 },
  capabilities: {
    list: "account",
    // None in the API; cancelling happens in Mindo's dashboard.
    actions: [],
    // GET …/bulk-sends/{id}/messages/, filterable by status.
    recipients: "api",
    webhooks: null,
  },
  reports: {
    items: { one: "message", many: "messages" },
    lateCounts: "delivery and read counts",
    // The buckets are exclusive stages of the sent → delivered → read funnel.
    captions: { sent: "Awaiting a delivery receipt", delivered: "Awaiting a read receipt", read: "Delivered and read" },
  },
} as const satisfies ProviderProfile<"mindo">;
