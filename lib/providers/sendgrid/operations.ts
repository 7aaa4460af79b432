import "server-only";
import type { UpstreamResponse } from "../http";
import type { BatchAction } from "../provider-profile";
import type { ControlResult, ListBatchesQuery, OperationContext, SendSummaryPage } from "../types";
import type { Upstream } from "../upstream";
import { sendGrid, sendGridStatusError } from "./client";
import { refusalOf400, refused, REFUSALS } from "./control-refusal";
import { heldStatusOf, normalizeSendGridScheduledSendList } from "./list-transform";

const SCHEDULED_SENDS = ["v3", "user", "scheduled_sends"];

/** GET /v3/user/scheduled_sends: every paused or cancelled batch, in one unpaged array. */
export async function listSendGridScheduledSends(
  query: ListBatchesQuery,
  context: OperationContext,
): Promise<SendSummaryPage> {
  const upstream = sendGrid(context);
  const response = await upstream.get(SCHEDULED_SENDS);
  if (response.status !== 200) throw sendGridStatusError(upstream, response, context.now);
  return upstream.read(() =>
    normalizeSendGridScheduledSendList(response.body, { now: context.now, state: query.status }),
  );
}

/**
 * Pause or cancel: read the batch's entry first, then POST a new one or PATCH the other status
 * (SendGrid refuses a POST over an existing entry). Resume: DELETE the entry.
 */
export async function controlSendGridBatch(
  batchId: string,
  action: BatchAction,
  context: OperationContext,
): Promise<ControlResult> {
  const upstream = sendGrid(context);
  const answer = (response: UpstreamResponse, missing: string) =>
    answerOf(upstream, response, missing, context.now);
  if (action === "resume")
    return answer(await upstream.send("DELETE", [...SCHEDULED_SENDS, batchId]), REFUSALS.notHeld);
  const status = action === "pause" ? "pause" : "cancel";
  const held = await heldStatus(upstream, batchId, context.now);
  if (held === status)
    return refused(
      status === "pause" ? "The batch is already paused." : "The batch is already cancelled.",
    );
  if (held === null)
    return answer(
      await upstream.send("POST", SCHEDULED_SENDS, { body: { batch_id: batchId, status } }),
      REFUSALS.changed,
    );
  return answer(
    await upstream.send("PATCH", [...SCHEDULED_SENDS, batchId], { body: { status } }),
    REFUSALS.changed,
  );
}

async function heldStatus(upstream: Upstream, batchId: string, now: Date): Promise<string | null> {
  const response = await upstream.get([...SCHEDULED_SENDS, batchId]);
  if (response.status === 404) return null;
  if (response.status !== 200) throw sendGridStatusError(upstream, response, now);
  return upstream.read(() => heldStatusOf(response.body, batchId, now));
}

/** `missing` says what a 404 means for this call: the entry it changes is not (or no longer) there. */
function answerOf(
  upstream: Upstream,
  response: UpstreamResponse,
  missing: string,
  now: Date,
): ControlResult {
  if (response.status >= 200 && response.status < 300) return { kind: "done" };
  if (response.status === 400) return refusalOf400(response.body);
  if (response.status === 404) return refused(missing);
  throw sendGridStatusError(upstream, response, now);
}
