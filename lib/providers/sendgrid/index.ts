import "server-only";
import { defineAdapter } from "../define-adapter";
import { fetchSendGridBatch } from "./client";
import { controlSendGridBatch, listSendGridScheduledSends } from "./operations";
import { sendGridProfile } from "./profile";
import { testSendGridConnection } from "./test-connection";
import { normalizeSendGridBatch } from "./transform";

export const sendGridAdapter = defineAdapter({
  profile: sendGridProfile,
  fetchBatch: fetchSendGridBatch,
  normalize: normalizeSendGridBatch,
  testConnection: testSendGridConnection,
  listBatches: listSendGridScheduledSends,
  control: controlSendGridBatch,
});
