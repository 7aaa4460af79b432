import "server-only";
import { defineAdapter } from "../define-adapter";
import { fetchMindoBulkSend, testMindoConnection } from "./client";
import { listMindoBulkSends, listMindoMessages } from "./operations";
import { mindoProfile } from "./profile";
import { normalizeMindoBulkSend } from "./transform";

export const mindoAdapter = defineAdapter({
  profile: mindoProfile,
  fetchBatch: fetchMindoBulkSend,
  normalize: normalizeMindoBulkSend,
  testConnection: testMindoConnection,
  listBatches: listMindoBulkSends,
  listRecipients: listMindoMessages,
});
