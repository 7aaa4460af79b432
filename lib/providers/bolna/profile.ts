import type { ProviderProfile } from "../provider-profile";

export const bolnaProfile = {
  id: "bolna",
  name: "Bolna",
  channel: "Voice calls",
  // 32 hex characters, or the same with dashes (both appear in Bolna's docs).
  batchId: { pattern: /^[0-9a-fA-F-]{32,36}$/, hint: "32 hex characters, with or without dashes", example: "3c90c3cc0d444b5088888b8b8b8b8b8b" },
  // api.bolna.dev, in older docs, is deprecated.
  defaultBaseUrl: "https://api.bolna.ai",
  regions: [],
  envPrefix: "BOLNA",
  // It allows 1,000 calls a minute per organisation, shared with everything else the org does.
  budget: { perMinute: 300, callsPerPoll: 1 },
  // A call-disconnected call takes minutes to become completed: a long low-rate tail.
  settling: { everyMs: 20_000, polls: 15 },
  capabilities: {
    // GET /batches/{agent_id}/all: there is no account-wide list.
    list: "per-agent",
    actions: ["stop"],
    // GET /batches/{id}/executions: one row per call.
    recipients: "api",
    // Per agent, the whole execution on every status change; unsigned, from one documented IP.
    webhooks: { events: "call-executions", signed: false },
  },
  reports: {
    items: { one: "call", many: "calls" },
    // Busy and unanswered calls may be retried after the batch looks done.
    lateCounts: "call outcomes",
    captions: { completed: "Connected" },
  },
} as const satisfies ProviderProfile<"bolna">;
