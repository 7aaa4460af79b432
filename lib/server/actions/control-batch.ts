import "server-only";
import type { AuditDetails } from "@/lib/audit-event";
import { AppError } from "@/lib/errors";
import { checkBatchId } from "@/lib/providers/batch-id";
import { profileOf } from "@/lib/providers/profiles";
import type { ProviderId } from "@/lib/providers/provider-id";
import type { BatchAction } from "@/lib/providers/provider-profile";
import { getAdapter } from "@/lib/providers/registry";
import type { TaggedJson } from "../api/etag";
import { assertCanOrAudit, recordAudit } from "../audit";
import { readTeamBatch, requestBatchPoll, resolvePollKey, userViewer } from "../batches";
import { providerAccessFor, type ResolvedConnection } from "../connections";
import { getEnv } from "../env";
import { findBatchLabel } from "../labels";
import type { ServiceContext } from "../service-context";
import { awaitOutcome, claimAction, settleAction, type ActionKey } from "./action-claims";
import { failedOutcome, outcomeError, type ActionOutcome, type ActionRefusal } from "./action-outcome";
import { sendTimeRefusal } from "./send-time-refusal";

export type ControlBatchInput = { provider: ProviderId; batchId: string; connectionId: string | null; action: BatchAction };

/** How long the answer waits for the poll that shows the action's effect. */
const FRESH_POLL_WAIT_MS = 4_000;
/** A request that finds another one's call out waits this long past the provider's timeout for its answer. */
const SHARED_WAIT_MARGIN_MS = 2_000;

/**
 * Pauses, resumes, cancels or stops a batch at its provider (admins and operators), once: the
 * first request for (connection, batch, action) makes the call, requests in the next 30 s get its
 * answer (action-claims.ts). Every attempt is in the activity log with the provider's answer.
 * Done: the batch as the API reads it, polled again at once (a bounded wait) to show the change.
 */
export async function controlBatch(ctx: ServiceContext, input: ControlBatchInput, now = new Date()): Promise<TaggedJson> {
  const { provider, action } = input;
  const auditAction = `batch.${action}` as const;
  const attempt = { action: auditAction, target: { id: input.batchId, label: null }, details: { provider } };
  await assertCanOrAudit(ctx, "sends:act", attempt, now);
  const checked = checkBatchId(provider, input.batchId);
  if (!checked.ok) throw new AppError("invalid_batch_id", checked.reason);
  const batchId = checked.batchId;
  let label: string | null = null;
  const record = (outcome: ActionOutcome, extra: AuditDetails = {}) =>
    recordAudit(ctx, { action: auditAction, target: { id: batchId, label }, ...auditOf(outcome), details: { provider, ...detailsOf(outcome), ...extra } }, now);
  // The provider cannot: said from its profile, before any connection is needed.
  const unsupported = unsupportedRefusal(provider, action);
  if (unsupported) {
    await record(unsupported);
    throw outcomeError(unsupported);
  }
  const { connection } = await resolvePollKey(ctx.actor.teamId, { provider, batchId }, input.connectionId);
  label = await findBatchLabel(ctx.db, { teamId: ctx.actor.teamId, connectionId: connection.id, provider, batchId });
  const early = await sendTimeRefusal(ctx.db, connection, batchId, action, now);
  if (early) {
    await record(early);
    throw outcomeError(early);
  }
  const key: ActionKey = { connectionId: connection.id, provider, batchId, action };
  const outcome = await callOnce(ctx, connection, key, now);
  await record(outcome.outcome, outcome.shared ? { shared: true } : {});
  if (outcome.outcome.kind !== "done") {
    // "Already paused" means the view Sendboard holds is behind: look again, without waiting.
    await requestBatchPoll(connection, { provider, batchId }, { waitMs: 0 });
    throw outcomeError(outcome.outcome);
  }
  await requestBatchPoll(connection, { provider, batchId }, { waitMs: FRESH_POLL_WAIT_MS });
  return (await readTeamBatch(ctx.actor.teamId, { provider, batchId, connectionId: connection.id }, userViewer(ctx.actor.id))).body;
}

function unsupportedRefusal(provider: ProviderId, action: BatchAction): ActionRefusal | null {
  const profile = profileOf(provider);
  if (profile.capabilities.actions.includes(action)) return null;
  const can = profile.capabilities.actions.length > 0 ? `it can ${profile.capabilities.actions.join(", ")}` : "it offers no batch actions";
  return { kind: "refused", reason: "not_supported", message: `${profile.name} cannot ${action} a batch: ${can}.` };
}

async function callOnce(ctx: ServiceContext, connection: ResolvedConnection, key: ActionKey, now: Date): Promise<{ outcome: ActionOutcome; shared: boolean }> {
  const timeoutMs = getEnv().UPSTREAM_TIMEOUT_MS;
  const claim = await claimAction(ctx.db, key, now.getTime(), timeoutMs);
  if (claim.kind === "theirs") {
    const outcome = claim.outcome ?? (await awaitOutcome(ctx.db, key, timeoutMs + SHARED_WAIT_MARGIN_MS));
    if (!outcome) throw new AppError("conflict", "Someone else's request for this action is still waiting for the provider: look at the batch again in a moment.");
    return { outcome, shared: true };
  }
  const outcome = await callProvider(connection, key, timeoutMs);
  await settleAction(ctx.db, key, claim.claimId, outcome, Date.now());
  return { outcome, shared: false };
}

async function callProvider(connection: ResolvedConnection, { batchId, action }: ActionKey, timeoutMs: number): Promise<ActionOutcome> {
  const control = getAdapter(connection.provider).control;
  if (!control) return { kind: "refused", reason: "not_supported", message: "This provider offers no batch actions." };
  try {
    return await control(batchId, action, { access: providerAccessFor(connection, timeoutMs), now: new Date() });
  } catch (error) {
    return failedOutcome(error);
  }
}

function auditOf(outcome: ActionOutcome) {
  return { outcome: outcome.kind === "done" ? ("ok" as const) : outcome.kind === "refused" ? ("refused" as const) : ("failed" as const) };
}

function detailsOf(outcome: ActionOutcome): AuditDetails {
  if (outcome.kind === "done") return { result: "The provider accepted it." };
  if (outcome.kind === "refused") return { reason: outcome.message };
  return { code: outcome.code, reason: outcome.message };
}
