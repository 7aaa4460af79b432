import "server-only";
import type { BatchRef } from "@/lib/batch-ref";
import { resolveConnection, type ResolvedConnection } from "../connections";
import { pollKeyToString } from "../polling";

/** A team's batch as the poller and the history know it: the connection it goes through, and its key. */
export type BatchPoll = { connection: ResolvedConnection; key: string };

/**
 * Through one of the team's connections (its default for the provider unless one is named),
 * keyed exactly as the poller keys it. Another team's connection is not found.
 */
export async function resolvePollKey(
  teamId: string,
  ref: BatchRef,
  connectionId: string | null,
): Promise<BatchPoll> {
  const connection = await resolveConnection(teamId, ref.provider, connectionId);
  return { connection, key: pollKeyToString({ connectionId: connection.id, ...ref }) };
}
