import "server-only";
import type { BatchSnapshot } from "@/lib/batch-snapshot";
import type { ProviderId } from "./provider-id";

/**
 * Where and how to reach one provider account. The key is a function so it is decrypted only
 * inside the adapter call that sends it, and never sits in a long-lived object.
 */
export type ProviderConnection = {
  baseUrl: string;
  readApiKey: () => string;
  timeoutMs: number;
};

export type FetchBatchContext = {
  connection: ProviderConnection;
  /** Stamped into the snapshot's fetchedAt; injectable so transforms are deterministic in tests. */
  now: Date;
  signal?: AbortSignal;
};

export type TestConnectionContext = {
  connection: ProviderConnection;
  signal?: AbortSignal;
};

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
