import "server-only";
import { defineAdapter } from "../define-adapter";
import { fetchBolnaBatch, testBolnaConnection } from "./client";
import { listBolnaAgentBatches, listBolnaAgents, listBolnaExecutions, stopBolnaBatch } from "./operations";
import { bolnaProfile } from "./profile";
import { normalizeBolnaBatch } from "./transform";

export const bolnaAdapter = defineAdapter({
  profile: bolnaProfile,
  fetchBatch: fetchBolnaBatch,
  normalize: normalizeBolnaBatch,
  testConnection: testBolnaConnection,
  listAgents: listBolnaAgents,
  listAgentBatches: listBolnaAgentBatches,
  // defineAdapter refuses every action but the profile's "stop" before it gets here.
  control: (batchId, _action, context) => stopBolnaBatch(batchId, context),
  listRecipients: listBolnaExecutions,
});
