import "server-only";
import { defineAdapter } from "../define-adapter";
import { fetchMigmaBatch, testMigmaConnection } from "./client";
import { migmaProfile } from "./profile";
import { normalizeMigmaBatch } from "./transform";

export const migmaAdapter = defineAdapter({
  profile: migmaProfile,
  fetchBatch: fetchMigmaBatch,
  normalize: normalizeMigmaBatch,
  testConnection: testMigmaConnection,
});
