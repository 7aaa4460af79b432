import "server-only";
import type { BatchRef } from "@/lib/batch-ref";
import type { PollingInfo } from "@/lib/batch-view";
import { AppError } from "@/lib/errors";
import type { ResolvedConnection } from "../connections";
import { readBatchInsights } from "../history";
import { recordBatchRead } from "../metrics";
import { POLL_CADENCE, type PollEntry } from "../polling";
import { assertCan } from "../security/permissions";
import { hashToken } from "../security/tokens";
import type { PublicContext, ServiceContext } from "../service-context";
import { authorizeShareBatch } from "../share-links";
import { resolvePollKey } from "./poll-key";
import { getPoller, isPushed } from "./poller";
import { serializedView, type PolledView } from "./serialized-view";
import type { TaggedJson } from "../api/etag";

/** A batch someone reads, through the connection they name (the team's default when null). */
export type BatchReadInput = BatchRef & { connectionId: string | null };

/** One batch as a viewer reads it: the view's parts, and the JSON (with its ETag) every viewer of it shares. */
export type BatchRead = { view: PolledView; body: TaggedJson };

/** A team's batch, as the JSON the API answers with. */
export async function getBatchViewBody(ctx: ServiceContext, input: BatchReadInput): Promise<TaggedJson> {
  assertCan(ctx.actor, "batches:read");
  return (await readTeamBatch(ctx.actor.teamId, input, userViewer(ctx.actor.id))).body;
}

/** The same for a share link's viewer: the token stands in for a session, for the batches its link covers (403 otherwise). */
export async function getSharedBatchViewBody(ctx: PublicContext, input: BatchReadInput & { token: string }): Promise<TaggedJson> {
  const { token, provider, batchId } = input;
  const scope = await authorizeShareBatch(ctx, { token, provider, batchId, connectionId: input.connectionId ?? undefined });
  return (await readTeamBatch(scope.teamId, { provider, batchId, connectionId: scope.connectionId }, shareViewer(token))).body;
}

/** Already authorised by the caller: a team's batch through the connection named (the team's default when null). */
export async function readTeamBatch(teamId: string, input: BatchReadInput, viewer: string): Promise<BatchRead> {
  const { connection, key } = await resolvePollKey(teamId, input, input.connectionId);
  const view = await readPolledView(connection, input, viewer);
  return { view, body: serializedView(key, view) };
}

/** Who read a batch, for the active-viewers metric: opaque ids, never a token. */
export const userViewer = (userId: string) => `user:${userId}`;
export const shareViewer = (token: string) => `share:${hashToken(token).slice(0, 16)}`;

/**
 * The latest snapshot of a batch as the poll scheduler holds it. Viewers never cause an upstream
 * call: they mark the batch as watched and read what the scheduler fetched.
 */
export async function readPolledView(connection: ResolvedConnection, { provider, batchId }: BatchRef, viewer: string): Promise<PolledView> {
  const poller = getPoller();
  poller.register(connection);
  const entry = await poller.read({ connectionId: connection.id, provider, batchId });
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
  return { snapshot: entry.snapshot, polling: pollingInfo(connection.id, entry, isPushed(connection.id, provider)), insights };
}

function pollingInfo(connectionId: string, entry: PollEntry, pushed: boolean): PollingInfo {
  return {
    // Pushed changes are polled at once (requestPoll): viewers ask sooner than the cadence, from memory.
    ...(pushed && !entry.final && { viewerPaceMs: POLL_CADENCE.pushed.viewerPaceMs }),
    connectionId,
    nextUpdateAt: entry.nextPollAt === null ? null : new Date(entry.nextPollAt).toISOString(),
    intervalMs: entry.intervalMs,
    budgetPerMinute: entry.budget.perMinute,
    limitedByBudget: entry.budget.limited,
    final: entry.final,
    lastError: entry.error && { code: entry.error.code, message: entry.error.message, at: new Date(entry.error.at).toISOString() },
  };
}
