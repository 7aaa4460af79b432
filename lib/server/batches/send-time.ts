import "server-only";
import { AppError } from "@/lib/errors";
import { checkBatchId } from "@/lib/providers/batch-id";
import type { SendTimeResponse } from "@/lib/send-time-input";
import { assertCan } from "../security/permissions";
import { assertTakesSendTime, saveSendTime } from "../send-times";
import type { ServiceContext } from "../service-context";
import type { BatchReadInput } from "./batch-view";
import { resolvePollKey } from "./poll-key";
import { requestBatchPoll } from "./request-poll";

/** How long the answer waits for the poll that shows the state the new time implies. */
const FRESH_POLL_WAIT_MS = 4_000;

/**
 * Tells Sendboard when a SendGrid batch sends (SendGrid cannot say), or forgets it (null). Shared
 * team data like the batch's label, so the label's permission. The batch is polled again at once
 * (the answer waits for it, briefly), so its page, read again, shows the state the time implies.
 */
export async function setSendTime(ctx: ServiceContext, input: BatchReadInput & { sendAt: string | null }, now = new Date()): Promise<SendTimeResponse> {
  assertCan(ctx.actor, "batches:label");
  assertTakesSendTime(input.provider);
  const checked = checkBatchId(input.provider, input.batchId);
  if (!checked.ok) throw new AppError("invalid_batch_id", checked.reason);
  const ref = { provider: input.provider, batchId: checked.batchId };
  const { connection } = await resolvePollKey(ctx.actor.teamId, ref, input.connectionId);
  const sendAt = await saveSendTime(ctx.db, { connectionId: connection.id, batchId: ref.batchId }, input.sendAt, now);
  await requestBatchPoll(connection, ref, { waitMs: FRESH_POLL_WAIT_MS });
  return { sendAt };
}
