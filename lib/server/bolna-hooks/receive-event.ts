import "server-only";
import { AppError } from "@/lib/errors";
import { readBolnaExecutionEvent } from "@/lib/providers/bolna/execution-event";
import { requestBatchPoll } from "../batches";
import { resolveConnectionById } from "../connections";
import { notePushedEvent } from "../polling";
import { errorName, getLogger } from "../logger";
import { updateRecipientRow } from "../recipients";
import { hashToken, isTokenShaped } from "../security/tokens";
import type { PublicContext } from "../service-context";
import { isAllowedSource } from "./allowlist";
import { findHookByTokenHash } from "./hook-rows";
import { pruneHookEventsIfDue } from "./prune-events";

export type HookDelivery = { token: string; address: string; body: Uint8Array };
export type HookAnswer = { received: "new" | "duplicate" | "ignored" };

const LAST_EVENT_STEP_MS = 1_000;
const UNKNOWN = "This hook URL is not known. It may have been rotated: copy the new one from the connection's settings.";

/**
 * One execution webhook from Bolna. The token in the URL is the credential (Bolna signs nothing),
 * then the source address when the hook has an allowlist. The (execution, status) row decides
 * once across retries and instances; only a new one updates the call's row and asks the
 * scheduler for the batch (coalesced there: a storm of events is one call at once and one after
 * POLL_CADENCE.requestGapMs). The batch endpoint stays the source of the counts.
 */
export async function receiveBolnaEvent(ctx: PublicContext, { token, address, body }: HookDelivery, now = new Date()): Promise<HookAnswer> {
  if (!isTokenShaped(token)) throw new AppError("not_found", UNKNOWN);
  const hook = await findHookByTokenHash(ctx.db, hashToken(token));
  if (!hook) throw new AppError("not_found", UNKNOWN);
  if (!isAllowedSource(hook.allowlist, address)) throw new AppError("forbidden", "This address may not post to this hook URL.");
  const event = readBolnaExecutionEvent(parseJson(body));
  if (!event) throw new AppError("bad_request", "The body is not a Bolna execution object (id and status are needed).");
  if (event.batchId === null) return { received: "ignored" };
  const batchId = event.batchId;

  const result = await ctx.db
    .insertInto("bolna_hook_events")
    .values({ hook_id: hook.id, execution_id: event.executionId, status: event.status, batch_id: batchId, received_at: now.toISOString() })
    .onConflict((conflict) => conflict.columns(["hook_id", "execution_id", "status"]).doNothing())
    .executeTakeFirst();
  const inserted = Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
  if (inserted) await noteLastEvent(ctx, hook.id, now);
  pruneHookEventsIfDue(ctx.db, now);
  if (!inserted) return { received: "duplicate" };

  notePushedEvent(hook.connection_id, now.getTime());
  const ref = { provider: "bolna", batchId } as const;
  try {
    const connection = await resolveConnectionById(hook.team_id, hook.connection_id);
    if (event.row) updateRecipientRow(connection.id, ref, event.executionId, event.row);
    // Not awaited: Bolna wants a quick 200, and the event is already committed.
    void requestBatchPoll(connection, ref, { waitMs: 0 });
  } catch (error) {
    // The connection was removed since the hook was made: the event is kept, nothing to poll.
    getLogger().warn({ connectionId: hook.connection_id, errorName: errorName(error) }, "bolna hook: event for a connection that cannot be resolved");
  }
  return { received: "new" };
}

/**
 * A storm of events would queue every one behind the same row's lock: the hook's last event time
 * moves at most once a second, which is all "last event" and liveness need.
 */
async function noteLastEvent(ctx: PublicContext, hookId: string, now: Date): Promise<void> {
  const at = now.toISOString();
  await ctx.db
    .updateTable("bolna_hooks")
    .set({ last_event_at: at })
    .where("id", "=", hookId)
    .where((eb) => eb.or([eb("last_event_at", "is", null), eb("last_event_at", "<", new Date(now.getTime() - LAST_EVENT_STEP_MS).toISOString())]))
    .execute();
}

function parseJson(body: Uint8Array): unknown {
  try {
    return JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(body)) as unknown;
  } catch {
    throw new AppError("bad_request", "The body is not valid JSON.");
  }
}
