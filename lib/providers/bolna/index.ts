import "server-only";
import type { ProviderAdapter } from "../types";
import { fetchBolnaBatch, testBolnaConnection } from "./client";
import { normalizeBolnaBatch } from "./transform";

export const bolnaAdapter: ProviderAdapter = {
  id: "bolna",
  async getBatch(batchId, context) {
    const raw = await fetchBolnaBatch(batchId, context);
    return normalizeBolnaBatch(raw, { batchId, now: context.now });
  },
  testConnection: testBolnaConnection,
};
