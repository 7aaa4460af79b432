import "server-only";
import type { BatchRef } from "@/lib/batch-ref";
import type { ResolvedConnection } from "../connections";
import { getPoller } from "./poller";

/**
 * The scheduler's requestPoll for a team's batch through the connection given: polled as soon as
 * the budget allows (see PollScheduler.requestPoll). Waits for that poll at most `waitMs` (0: not
 * at all); never rejects.
 */
export async function requestBatchPoll(connection: ResolvedConnection, { provider, batchId }: BatchRef, { waitMs }: { waitMs: number }): Promise<void> {
  const poller = getPoller();
  poller.register(connection);
  const served = poller.requestPoll({ connectionId: connection.id, provider, batchId });
  if (waitMs <= 0) return;
  let timer: NodeJS.Timeout | undefined;
  const elapsed = new Promise<void>((resolve) => (timer = setTimeout(resolve, waitMs)));
  try {
    await Promise.race([served, elapsed]);
  } finally {
    clearTimeout(timer);
  }
}
