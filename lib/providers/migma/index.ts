import "server-only";
import type { ProviderAdapter } from "../types";
import { fetchMigmaBatch, testMigmaConnection } from "./client";
import { normalizeMigmaBatch } from "./transform";

export const migmaAdapter: ProviderAdapter = {
  id: "migma",
  async getBatch(batchId, context) {
    const raw = await fetchMigmaBatch(batchId, context);
    return normalizeMigmaBatch(raw, { batchId, now: context.now });
  },
  testConnection: testMigmaConnection,
};
