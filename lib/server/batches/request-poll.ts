import "server-only";
import type { BatchRef } from "@/lib/batch-ref";
import type { ResolvedConnection } from "../connections";
import { getPoller } from "./poller";

/**
 * The scheduler's requestPoll for a team's batch through the connection given: polled as soon as
 * the budget allows (see PollScheduler.requestPoll). Resolves, never rejects; callers bound their wait.
 */
export function requestBatchPoll(connection: ResolvedConnection, { provider, batchId }: BatchRef): Promise<void> {
  const poller = getPoller();
  poller.register(connection);
  return poller.requestPoll({ connectionId: connection.id, provider, batchId });
}
