import "server-only";
import type { BatchSnapshot, BatchState, Outcome } from "@/lib/batch-snapshot";
import type { ErrorCode } from "@/lib/errors";
import type { RecipientRow } from "@/lib/recipient-row";
import type { SendSummary } from "@/lib/send-summary";
import type { EmailEventsTally } from "./email-events-tally";
import type { CallOutcome } from "./http";
import type { ProviderId } from "./provider-id";
import type { BatchAction } from "./provider-profile";

/** Told about every provider call and failure, so the server can count them without adapters importing it. */
export type UpstreamObserver = {
  onCall(provider: ProviderId, outcome: CallOutcome, seconds: number): void;
  onError(provider: ProviderId, code: ErrorCode): void;
};

/**
 * Where and how to reach one provider account. The key is a function so it is decrypted only
 * inside the adapter call that sends it, and never sits in a long-lived object.
 */
export type ProviderAccess = {
  baseUrl: string;
  readApiKey: () => string;
  timeoutMs: number;
  observer: UpstreamObserver;
};

/** What every provider call needs: the account, and a signal when the caller may give up early. */
export type UpstreamContext = { access: ProviderAccess; signal?: AbortSignal };

export type FetchBatchContext = UpstreamContext & {
  /** Stamped into the snapshot's fetchedAt; injectable so transforms are deterministic in tests. */
  now: Date;
  /** The send time the team gave, for a provider whose profile has `sendTime` (it cannot say). */
  sendAt?: string | null;
  /** What the provider's event webhook counted for this batch (profile.capabilities.webhooks "email-events"). */
  emailEvents?: EmailEventsTally | null;
};

export type TestConnectionContext = UpstreamContext;

/** `ok` is true only when the key works for what Sendboard reads. Messages never quote the key. */
export type ConnectionTestResult = { ok: boolean; message: string; missingScopes?: string[] };

/** Every operation beyond getBatch: `now` stamps summaries built with the batch transform. */
export type OperationContext = UpstreamContext & { now: Date };

/**
 * Cursors are opaque to callers: pass back `nextCursor` as it came. One the adapter did not make
 * is refused as bad_request and never sent upstream.
 */
export type ListBatchesQuery = { status?: BatchState; cursor?: string | null; pageSize?: number };

export type SendSummaryPage = {
  items: SendSummary[];
  nextCursor: string | null;
  /** What the list cannot show (rows it could not read, what the provider never lists), in words. */
  notes: string[];
};

export type AgentSummary = {
  id: string;
  name: string | null;
  status: string | null;
  createdAt: string | null;
};

/**
 * What a control action came to. Upstream failures are thrown as AppErrors, as for reads;
 * a refusal is an answer: `not_supported` (the provider cannot) or `not_allowed` (the batch's
 * state forbids it), with the reason in our words.
 */
export type ControlResult =
  { kind: "done" } | { kind: "refused"; reason: "not_supported" | "not_allowed"; message: string };

export type RecipientsQuery = { outcome?: Outcome; cursor?: string | null; pageSize?: number };

export type RecipientPage = { items: RecipientRow[]; nextCursor: string | null; notes: string[] };

/**
 * The operations a provider may offer, each present exactly when its profile's capabilities say
 * so (OperationsFor in define-adapter.ts keeps the two in step at compile time).
 */
export type ProviderOperations = {
  /** capabilities.list "account" or "paused-and-cancelled": newest first, paged by `nextCursor`. */
  listBatches(query: ListBatchesQuery, context: OperationContext): Promise<SendSummaryPage>;
  /** capabilities.list "per-agent": the agents, whose batches listAgentBatches reads one at a time. */
  listAgents(context: OperationContext): Promise<AgentSummary[]>;
  /** One agent's batches, all at once (the provider does not page them), newest first. */
  listAgentBatches(
    agentId: string,
    query: Pick<ListBatchesQuery, "status">,
    context: OperationContext,
  ): Promise<SendSummaryPage>;
  /** capabilities.actions non-empty; an action outside them is refused as not_supported without a call. */
  control(batchId: string, action: BatchAction, context: OperationContext): Promise<ControlResult>;
  /** capabilities.recipients "api". Throws not_found for an unknown batch. */
  listRecipients(
    batchId: string,
    query: RecipientsQuery,
    context: OperationContext,
  ): Promise<RecipientPage>;
};

export interface ProviderAdapter extends Partial<ProviderOperations> {
  readonly id: ProviderId;
  /**
   * Fetches one batch and returns it normalised. Throws AppError: not_found, provider_* for
   * upstream failures and unreadable payloads. The batch id has already been validated.
   */
  getBatch(batchId: string, context: FetchBatchContext): Promise<BatchSnapshot>;
  /** One cheap authenticated call; never throws for an upstream failure, it reports it. */
  testConnection(context: TestConnectionContext): Promise<ConnectionTestResult>;
}
