import "server-only";
import { EnvError, getEnv } from "@/lib/server/env";
import { startAlertWatch } from "./alerts";
import { startAuditPruning } from "./audit";
import { readTeamBatch } from "./batches";
import { startAutoWatch } from "./auto-watch";
import { migrateToLatest } from "./db/database";
import { stampPeerAddresses } from "./security/client-address";

/** A bad configuration stops the server with a readable message instead of failing on the first request. */
export async function startServer(): Promise<void> {
  try {
    getEnv();
  } catch (error) {
    if (!(error instanceof EnvError)) throw error;
    // Not the logger: its lines are JSON on stdout written asynchronously, and this one must reach
    // the operator's stderr, readable as it is, before the exit right after.
    console.error(error.message);
    process.exit(1);
  }
  // Before the first request: sign-in throttling needs every request's socket address.
  stampPeerAddresses();
  await migrateToLatest();
  startAuditPruning();
  startAutoWatch();
  startAlertWatch(readTeamBatch);
}
