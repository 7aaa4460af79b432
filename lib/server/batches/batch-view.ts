import "server-only";
import type { BatchView, PollingInfo } from "@/lib/batch-view";
import { getEnv } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { checkBatchId } from "@/lib/providers/batch-id";
import { isProviderId, type ProviderId } from "@/lib/providers/provider-id";
import { resolveConnection, type ResolvedConnection } from "../connections";
import { readBatchInsights } from "../history";
import { recordBatchRead } from "../metrics";
import { getPoller, type ConnectionTarget } from "./poller";
import { pollKeyToString, type PollEntry } from "../polling";
import { serializedView, type PolledView } from "./serialized-view";

export type BatchRequest = { provider: string; batchId: string };
export type BatchRef = { provider: ProviderId; batchId: string };

/** Checks what a viewer asked for; throws the 400s before anything else happens. */
export function parseBatchRequest(request: BatchRequest): BatchRef {
  if (!isProviderId(request.provider)) throw new AppError("invalid_provider", "Unknown provider.");
  const checked = checkBatchId(request.provider, request.batchId);
  if (!checked.ok) throw new AppError("invalid_batch_id", checked.reason);
  return { provider: request.provider, batchId: checked.batchId };
}

/**
 * A team's batch through one of its connections (the team's default for the provider when none
 * is named), as the JSON the API answers with.
 */
export async function getTeamBatchViewBody(teamId: string, ref: BatchRef, connectionId: string | null, viewer: string): Promise<string> {
  const connection = await resolveConnection(teamId, ref.provider, connectionId);
  const key = pollKeyToString({ connectionId: connection.id, ...ref });
  return serializedView(key, await readPolledView(ref, connection, viewer));
}

/**
 * The latest snapshot of a batch as the poll scheduler holds it. Viewers never cause an upstream
 * call: they mark the batch as watched and read what the scheduler fetched.
 */
export async function readBatchView(ref: BatchRef, connection: ResolvedConnection, viewer = "internal"): Promise<BatchView> {
  const { snapshot, polling, insights } = await readPolledView(ref, connection, viewer);
  return { ...snapshot, polling, insights };
}

async function readPolledView({ provider, batchId }: BatchRef, connection: ResolvedConnection, viewer: string): Promise<PolledView> {
  const poller = getPoller();
  registerTarget(poller.targets, connection);
  const entry = await poller.scheduler.read({ connectionId: connection.id, provider, batchId });
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
  return { snapshot: entry.snapshot, polling: pollingInfo(connection.id, entry), insights };
}

/** What the scheduler needs to call this connection, replaced only when an edit changed it. */
function registerTarget(targets: Map<string, ConnectionTarget>, connection: ResolvedConnection): void {
  const current = targets.get(connection.id);
  if (current?.source === connection) return;
  targets.set(connection.id, {
    connection: { baseUrl: connection.baseUrl, readApiKey: connection.readApiKey, timeoutMs: getEnv().UPSTREAM_TIMEOUT_MS },
    budgetPerMinute: connection.budgetPerMinute,
    source: connection,
  });
}

function pollingInfo(connectionId: string, entry: PollEntry): PollingInfo {
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
