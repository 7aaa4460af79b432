import "server-only";
import type { BatchSnapshot } from "@/lib/batch-snapshot";
import type { ProviderId } from "./provider-id";

/** Where and how to reach one provider account. The key never leaves the adapter call. */
export type ProviderConnection = {
  baseUrl: string;
  apiKey: string;
  timeoutMs: number;
};

export type FetchBatchContext = {
  connection: ProviderConnection;
  /** Stamped into the snapshot's fetchedAt; injectable so transforms are deterministic in tests. */
  now: Date;
  signal?: AbortSignal;
};

export interface ProviderAdapter {
  readonly id: ProviderId;
  /**
   * Fetches one batch and returns it normalised. Throws AppError: not_found, provider_* for
   * upstream failures and unreadable payloads. The batch id has already been validated.
   */
  getBatch(batchId: string, context: FetchBatchContext): Promise<BatchSnapshot>;
}
