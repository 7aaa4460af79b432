import "server-only";
import { defineAdapter } from "../define-adapter";
import { fetchBolnaBatch, testBolnaConnection } from "./client";
import { bolnaProfile } from "./profile";
import { normalizeBolnaBatch } from "./transform";

export const bolnaAdapter = defineAdapter({
  profile: bolnaProfile,
  fetchBatch: fetchBolnaBatch,
  normalize: normalizeBolnaBatch,
  testConnection: testBolnaConnection,
});
