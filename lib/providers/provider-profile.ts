import type { Region } from "./region";

/** Control actions a provider's API offers on a whole batch. */
export type BatchAction = "pause" | "resume" | "cancel" | "stop";

/** What a provider can do beyond reading one batch; the coming features read these instead of naming providers. */
export type ProviderCapabilities = {
  /**
   * Finding recent batches without an id: across the account, agent by agent (Bolna), only the
   * paused and cancelled ones (SendGrid: the rest only Sendboard itself has seen), or not at all.
   */
  list: "account" | "per-agent" | "paused-and-cancelled" | "none";
  actions: readonly BatchAction[];
  /** Where per-recipient rows come from: the provider's API, only webhook events we receive, or nowhere. */
  recipients: "api" | "webhook" | "none";
  /** A push channel for progress, and whether its requests are signed (else allow-list and re-fetch). */
  webhooks: { events: "email-events" | "call-executions"; signed: boolean } | null;
};

/** What a provider's batch API reports, so captions and badges claim no more than that. */
export type ProviderReports = {
  /** What a batch is made of: "3 calls", "emails processed". */
  items: { one: string; many: string };
  /** Counts that keep changing after every item was processed, as the provisional badge names them; null when none do. */
  lateCounts: string | null;
  /** Captions under counters, by status, where the outcome's own word ("Succeeded") would claim more than the provider knows. */
  captions: Readonly<Record<string, string>>;
};

/**
 * Every per-provider fact that is not HTTP, in one client-safe object per provider
 * (lib/providers/<id>/profile.ts). Tables, the env schema and the forms are built from these.
 */
export type ProviderProfile<Id extends string = string> = {
  id: Id;
  name: string;
  channel: string;
  /** The rule the form and the API share; `example` is a valid id shown as the input's placeholder. */
  batchId: { pattern: RegExp; hint: string; example: string };
  /** The default of `<envPrefix>_API_URL`; an operator may point it elsewhere (the simulator, a proxy). */
  defaultBaseUrl: string;
  /** Regions a connection may choose, the default first; empty when the provider has one host. */
  regions: readonly Region[];
  /** Hosts of the other regions, used only while the operator keeps the default base URL. */
  regionalBaseUrls?: { readonly [R in Region]?: string };
  /** Names the environment variables: `<prefix>_API_URL`, `<prefix>_API_KEY`, `<prefix>_BUDGET_PER_MINUTE`. */
  envPrefix: string;
  /** Default calls per rolling minute for a connection, and how many calls one poll costs. */
  budget: { perMinute: number; callsPerPoll: number };
  /** Polls after the first terminal snapshot, then the snapshot is final and never fetched again. */
  settling: { everyMs: number; polls: number };
  capabilities: ProviderCapabilities;
  reports: ProviderReports;
  /**
   * The provider cannot report a batch's send time, and its rules hang on it (SendGrid): the team
   * tells Sendboard (lib/server/send-times), and the snapshot's scheduledAt comes from there.
   */
  sendTime?: SendTimeRules;
};

/** What a held batch may do around its send time. */
export type SendTimeRules = {
  /** Pause and cancel are refused this long before the send time. */
  holdClosesBeforeMs: number;
  /** A batch still paused this long after the send time is discarded. */
  pausedExpiresAfterMs: number;
};
