import "server-only";
import type { BatchSnapshot } from "@/lib/batch-snapshot";
import { AppError } from "@/lib/errors";
import type { ProviderProfile } from "./provider-profile";
import type { ProviderId } from "./provider-id";
import type { TransformContext } from "./snapshot-parts";
import type { FetchBatchContext, ProviderAdapter, TestConnectionContext, ConnectionTestResult } from "./types";

type AdapterParts<Raw> = {
  profile: Pick<ProviderProfile<ProviderId>, "id">;
  /** The provider's raw answer (client.ts). */
  fetchBatch(batchId: string, context: FetchBatchContext): Promise<Raw>;
  /** Raw answer → our snapshot (transform.ts); pure, so it is tested with recorded payloads alone. */
  normalize(raw: Raw, context: TransformContext): BatchSnapshot;
  testConnection(context: TestConnectionContext): Promise<ConnectionTestResult>;
};

/** One adapter from a provider's client and transform: fetch, then normalise. */
export function defineAdapter<Raw>({ profile, fetchBatch, normalize, testConnection }: AdapterParts<Raw>): ProviderAdapter {
  return {
    id: profile.id,
    async getBatch(batchId, context) {
      const raw = await fetchBatch(batchId, context);
      try {
        return normalize(raw, { batchId, now: context.now });
      } catch (error) {
        // An answer we could not read is an upstream error, counted like a bad status.
        if (error instanceof AppError && error.code === "provider_bad_response") context.access.observer.onError(profile.id, error.code);
        throw error;
      }
    },
    testConnection,
  };
}
