import "server-only";
import type { BatchView } from "@/lib/batch-view";
import { getEnv } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { checkBatchId } from "@/lib/providers/batch-id";
import { isProviderId, type ProviderId } from "@/lib/providers/provider-id";
import { resolveConnection, type ResolvedConnection } from "./connections";
import { readBatchInsights } from "./history";
import { recordBatchRead } from "./metrics";
import { getPoller } from "./poller";
import type { PollEntry } from "./polling";

/** How long a viewer waits for a batch's first snapshot before hearing "not yet". */
const FIRST_SNAPSHOT_WAIT_MS = 12_000;

export type BatchRequest = { provider: string; batchId: string };
export type BatchRef = { provider: ProviderId; batchId: string };

/** Checks what a viewer asked for; throws the 400s before anything else happens. */
export function parseBatchRequest(request: BatchRequest): BatchRef {
  if (!isProviderId(request.provider)) throw new AppError("invalid_provider", "Unknown provider.");
  const checked = checkBatchId(request.provider, request.batchId);
  if (!checked.ok) throw new AppError("invalid_batch_id", checked.reason);
  return { provider: request.provider, batchId: checked.batchId };
}

/** A team's batch through one of its connections (the team's default for the provider when none is named). */
export async function getTeamBatchView(teamId: string, ref: BatchRef, connectionId: string | null, viewer: string): Promise<BatchView> {
  return readBatchView(ref, await resolveConnection(teamId, ref.provider, connectionId), viewer);
}

/**
 * The latest snapshot of a batch as the poll scheduler holds it. Viewers never cause an upstream
 * call: they mark the batch as watched and read what the scheduler fetched.
 */
export async function readBatchView({ provider, batchId }: BatchRef, connection: ResolvedConnection, viewer = "internal"): Promise<BatchView> {
  const poller = getPoller();
  poller.targets.set(connection.id, {
    connection: { baseUrl: connection.baseUrl, readApiKey: connection.readApiKey, timeoutMs: getEnv().UPSTREAM_TIMEOUT_MS },
    budgetPerMinute: connection.budgetPerMinute,
  });
  const entry = await withDeadline(poller.scheduler.read({ connectionId: connection.id, provider, batchId }));
  recordBatchRead({
    viewer,
    provider,
    connectionId: connection.id,
    budgetPerMinute: entry.budget.perMinute,
    fetchedAt: entry.fetchedAt,
    nextPollAt: entry.nextPollAt,
    now: Date.now(),
  });
  if (!entry.snapshot) throw new AppError("internal", "The batch has no snapshot yet.");
  const insights = await readBatchInsights({ connectionId: connection.id, provider, batchId }, entry.snapshot, entry.final);
  return { ...entry.snapshot, polling: pollingInfo(connection.id, entry), insights };
}

function pollingInfo(connectionId: string, entry: PollEntry): NonNullable<BatchView["polling"]> {
  return {
    connectionId,
    nextUpdateAt: entry.nextPollAt === null ? null : new Date(entry.nextPollAt).toISOString(),
    intervalMs: entry.intervalMs,
    budgetPerMinute: entry.budget.perMinute,
    limitedByBudget: entry.budget.limited,
    final: entry.final,
    lastError: entry.error && { code: entry.error.code, message: entry.error.message, at: new Date(entry.error.at).toISOString() },
  };
}

async function withDeadline(read: Promise<PollEntry>): Promise<PollEntry> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new AppError("snapshot_pending", "This batch is waiting for its turn within the provider's request budget. Try again shortly.")),
      FIRST_SNAPSHOT_WAIT_MS,
    );
  });
  try {
    return await Promise.race([read, deadline]);
  } finally {
    clearTimeout(timer);
  }
}
