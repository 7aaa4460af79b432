import type { ProviderSim, SimContext } from "../context";
import { answerFault, type FaultStyle } from "../faults";
import { readBearer, readJsonBody, sendJson, sendText } from "../respond";
import { findRoute, handlerFor, route, type RouteParams } from "../router";
import { scenarioOf } from "../scenarios";
import type { HeldStatus, SendgridBatch } from "../state";
import { sendgridBatch, sendgridBatches } from "./sendgrid-batches";

// SendGrid keeps no batch object: /v3/mail/batch/{id} only says whether the id exists, and
// /v3/user/scheduled_sends/{id} lists its pause/cancel entry (an array, empty when none).
// Pause and cancel follow the documented rules: not later than 10 minutes before send_at, at most
// 10 batches paused or cancelled at once. Every response carries the X-RateLimit-* headers.

const RATE_LIMIT = 600;
const MAX_HELD = 10;
const LAST_CHANCE_MS = 10 * 60_000;

const routes = [
  route("/v3/mail/batch/:id", getMailBatch),
  route("/v3/user/scheduled_sends", { GET: listScheduledSends, POST: createScheduledSend }),
  route("/v3/user/scheduled_sends/:id", {
    GET: getScheduledSend,
    PATCH: updateScheduledSend,
    DELETE: deleteScheduledSend,
  }),
  route("/v3/scopes", getScopes),
];

const SCOPES = [
  "mail.batch.read",
  "user.scheduled_sends.read",
  "user.scheduled_sends.create",
  "user.scheduled_sends.update",
  "user.scheduled_sends.delete",
  "mail.send",
  "categories.stats.read",
];

// SendGrid documents these 400s but not their wording; the bodies have its ErrorResponse shape.
const ERRORS = {
  invalidBatchId: "invalid batch id",
  notFound: "batch id not found",
  alreadyHeld: "batch id already has a pause or cancel status",
  maxReached: "max limit reached: at most 10 paused or cancelled batches",
  tooLate: "cannot pause or cancel a send less than 10 minutes before its send time",
  badStatus: "status must be either pause or cancel",
  noBatchId: "batch_id is required",
} as const;

/** One per simulator, since the rate-limit window it shows is per simulator. */
export function createSendgridSim(): ProviderSim {
  const budget = new RateBudget();
  return {
    id: "sendgrid",
    owns: (path) => /^\/v3(\/|$)/.test(path),
    async handle(ctx) {
      budget.setHeaders(ctx);
      const match = findRoute(routes, ctx.url.pathname);
      if (!match) return sendgridError(ctx, 404, "not found");
      const handler = handlerFor(match, ctx.req.method);
      if (!handler) return sendgridError(ctx, 405, "method not allowed");
      await handler(ctx, match.params);
    },
  };
}

async function getMailBatch(ctx: SimContext, { id = "" }: RouteParams) {
  ctx.countCall("sendgrid", id);
  if (!authorized(ctx)) return;
  const scenario = scenarioOf("sendgrid", id);
  if (await answerFault(ctx, scenario, faultStyle({ batch_id: id }, { batch_id: 42 }))) return;
  if (!scenario && !sendgridBatch(ctx, id)) return sendgridError(ctx, 400, ERRORS.invalidBatchId);
  sendJson(ctx.res, 200, { batch_id: id });
}

async function getScheduledSend(ctx: SimContext, { id = "" }: RouteParams) {
  ctx.countCall("sendgrid", id);
  if (!authorized(ctx)) return;
  const style = faultStyle([{ batch_id: id, status: "pause" }], [{ batch_id: 42, status: 42 }]);
  if (await answerFault(ctx, scenarioOf("sendgrid", id), style)) return;
  const batch = sendgridBatch(ctx, id);
  sendJson(ctx.res, 200, batch?.status ? [{ batch_id: id, status: batch.status }] : []);
}

function listScheduledSends(ctx: SimContext) {
  if (!authorized(ctx)) return;
  const held = sendgridBatches(ctx).filter(([, batch]) => batch.status !== null);
  sendJson(
    ctx.res,
    200,
    held.map(([batch_id, batch]) => ({ batch_id, status: batch.status })),
  );
}

async function createScheduledSend(ctx: SimContext) {
  if (!authorized(ctx)) return;
  const body = await readJsonBody(ctx.req);
  const batchId = field(body, "batch_id");
  const status = heldStatus(field(body, "status"));
  if (!batchId) return sendgridError(ctx, 400, ERRORS.noBatchId, "batch_id");
  if (
    await answerFault(
      ctx,
      scenarioOf("sendgrid", batchId),
      faultStyle({ batch_id: batchId, status: "pause" }, { batch_id: 42 }),
    )
  )
    return;
  if (!status) return sendgridError(ctx, 400, ERRORS.badStatus, "status");
  const batch = sendgridBatch(ctx, batchId);
  if (!batch) return sendgridError(ctx, 400, ERRORS.invalidBatchId, "batch_id");
  if (batch.status) return sendgridError(ctx, 400, ERRORS.alreadyHeld, "batch_id");
  if (refusedHold(ctx, batch)) return;
  batch.status = status;
  sendJson(ctx.res, 201, { batch_id: batchId, status });
}

async function updateScheduledSend(ctx: SimContext, { id = "" }: RouteParams) {
  if (!authorized(ctx)) return;
  const status = heldStatus(field(await readJsonBody(ctx.req), "status"));
  if (await answerFault(ctx, scenarioOf("sendgrid", id), faultStyle(null, null))) return;
  if (!status) return sendgridError(ctx, 400, ERRORS.badStatus, "status");
  const batch = sendgridBatch(ctx, id);
  if (!batch?.status) return sendgridError(ctx, 404, ERRORS.notFound);
  if (batch.status !== status && refusedHold(ctx, batch, true)) return;
  batch.status = status;
  sendText(ctx.res, 204, "application/json", "");
}

// Removing a pause sends the mail (even after send_at); there is no 10-minute rule for it.
async function deleteScheduledSend(ctx: SimContext, { id = "" }: RouteParams) {
  if (!authorized(ctx)) return;
  if (await answerFault(ctx, scenarioOf("sendgrid", id), faultStyle(null, null))) return;
  const batch = sendgridBatch(ctx, id);
  if (!batch?.status) return sendgridError(ctx, 404, ERRORS.notFound);
  batch.status = null;
  sendText(ctx.res, 204, "application/json", "");
}

/** Answers the 400 when a new pause or cancel breaks a rule; `switching` keeps its place in the 10. */
function refusedHold(ctx: SimContext, batch: SendgridBatch, switching = false): boolean {
  if (ctx.now >= batch.sendAtMs - LAST_CHANCE_MS) {
    sendgridError(ctx, 400, ERRORS.tooLate, "batch_id");
    return true;
  }
  const held = sendgridBatches(ctx).filter(
    ([, other]) => other.group === batch.group && other.status !== null,
  );
  if (!switching && held.length >= MAX_HELD) {
    sendgridError(ctx, 400, ERRORS.maxReached);
    return true;
  }
  return false;
}

function getScopes(ctx: SimContext) {
  if (authorized(ctx)) sendJson(ctx.res, 200, { scopes: SCOPES });
}

function authorized(ctx: SimContext): boolean {
  if (readBearer(ctx.req.headers.authorization) === ctx.keys.sendgrid) return true;
  sendgridError(ctx, 401, "authorization required");
  return false;
}

function field(body: unknown, name: string): string | undefined {
  if (typeof body !== "object" || body === null) return undefined;
  const value = (body as Record<string, unknown>)[name];
  return typeof value === "string" && value !== "" ? value : undefined;
}

function heldStatus(value: string | undefined): HeldStatus | undefined {
  return value === "pause" || value === "cancel" ? value : undefined;
}

function faultStyle(validBody: unknown, wrongTypes: unknown): FaultStyle {
  return {
    serverError: errorsBody("internal server error"),
    rateLimited: errorsBody("too many requests"),
    wrongTypes,
    validBody: () => validBody,
  };
}

// Shown, not enforced: the budget resets every minute and nothing is refused when it runs out,
// so only fault-429 produces a 429.
class RateBudget {
  private resetSec = 0;
  private used = 0;

  setHeaders(ctx: SimContext) {
    const resetSec = Math.floor(ctx.now / 60_000) * 60 + 60;
    if (resetSec !== this.resetSec) [this.resetSec, this.used] = [resetSec, 0];
    this.used += 1;
    ctx.res.setHeader("X-RateLimit-Limit", String(RATE_LIMIT));
    ctx.res.setHeader("X-RateLimit-Remaining", String(Math.max(0, RATE_LIMIT - this.used)));
    ctx.res.setHeader("X-RateLimit-Reset", String(resetSec));
  }
}

function sendgridError(
  ctx: SimContext,
  status: number,
  message: string,
  errorField: string | null = null,
) {
  sendJson(ctx.res, status, errorsBody(message, errorField));
}

function errorsBody(message: string, errorField: string | null = null) {
  return { errors: [{ field: errorField, message }] };
}
