import "server-only";
import type { ProviderAdapter } from "../types";
import { fetchSendGridBatch } from "./client";
import { testSendGridConnection } from "./test-connection";
import { normalizeSendGridBatch } from "./transform";

export const sendGridAdapter: ProviderAdapter = {
  id: "sendgrid",
  async getBatch(batchId, context) {
    const raw = await fetchSendGridBatch(batchId, context);
    return normalizeSendGridBatch(raw, { batchId, now: context.now });
  },
  testConnection: testSendGridConnection,
};
