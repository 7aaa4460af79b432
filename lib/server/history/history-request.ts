import "server-only";
import type { BatchRef } from "@/lib/server/batches/batch-view";
import { resolveConnection } from "@/lib/server/connections";
import { pollKeyToString } from "@/lib/server/polling/types";

/**
 * The poll key of a batch a signed-in viewer may read: through one of the team's connections
 * (its default for the provider unless one is named), keyed exactly as the poller keys it.
 */
export async function resolveHistoryKey(
  teamId: string,
  ref: BatchRef,
  connectionId: string | null,
): Promise<string> {
  const connection = await resolveConnection(teamId, ref.provider, connectionId);
  return pollKeyToString({
    connectionId: connection.id,
    provider: ref.provider,
    batchId: ref.batchId,
  });
}
