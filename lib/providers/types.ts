import "server-only";
import type { BatchSnapshot } from "@/lib/batch-snapshot";
import type { ErrorCode } from "@/lib/errors";
import type { CallOutcome } from "./http";
import type { ProviderId } from "./provider-id";

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
};

export type TestConnectionContext = UpstreamContext;

/** `ok` is true only when the key works for what Sendboard reads. Messages never quote the key. */
export type ConnectionTestResult = { ok: boolean; message: string; missingScopes?: string[] };

export interface ProviderAdapter {
  readonly id: ProviderId;
  /**
   * Fetches one batch and returns it normalised. Throws AppError: not_found, provider_* for
   * upstream failures and unreadable payloads. The batch id has already been validated.
   */
  getBatch(batchId: string, context: FetchBatchContext): Promise<BatchSnapshot>;
  /** One cheap authenticated call; never throws for an upstream failure, it reports it. */
  testConnection(context: TestConnectionContext): Promise<ConnectionTestResult>;
}
