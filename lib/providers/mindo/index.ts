import "server-only";
import type { ProviderAdapter } from "../types";
import { fetchMindoBulkSend, testMindoConnection } from "./client";
import { normalizeMindoBulkSend } from "./transform";

export const mindoAdapter: ProviderAdapter = {
  id: "mindo",
  async getBatch(batchId, context) {
    const raw = await fetchMindoBulkSend(batchId, context);
    return normalizeMindoBulkSend(raw, { batchId, now: context.now });
  },
  testConnection: testMindoConnection,
};
