import type { ProviderSim, SimContext } from "../context";
import { answerFault, type FaultStyle } from "../faults";
import { readBearer, sendJson } from "../respond";
import { findRoute, route, type RouteParams } from "../router";
import { scenarioOf, type ScenarioName } from "../scenarios";

// SendGrid keeps no batch object: /v3/mail/batch/{id} only says whether the id exists, and
// /v3/user/scheduled_sends/{id} lists its pause/cancel entry (an array, empty when none).
// Every response carries the X-RateLimit-* headers.

const RATE_LIMIT = 600;

const routes = [
  route("/v3/mail/batch/:id", getMailBatch),
  route("/v3/user/scheduled_sends/:id", getScheduledSend),
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

const PAUSE_STATE: Partial<Record<ScenarioName, "pause" | "cancel">> = {
  paused: "pause",
  cancelled: "cancel",
};

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
      if (ctx.req.method !== "GET") return sendgridError(ctx, 405, "method not allowed");
      await match.handler(ctx, match.params);
    },
  };
}

async function getMailBatch(ctx: SimContext, { id = "" }: RouteParams) {
  ctx.countCall("sendgrid", id);
  if (!authorized(ctx)) return;
  const scenario = scenarioOf("sendgrid", id);
  const style = faultStyle({ batch_id: id }, { batch_id: 42 });
  if (await answerFault(ctx, scenario, style)) return;
  if (!scenario) return sendgridError(ctx, 400, "invalid batch id");
  sendJson(ctx.res, 200, { batch_id: id });
}

async function getScheduledSend(ctx: SimContext, { id = "" }: RouteParams) {
  ctx.countCall("sendgrid", id);
  if (!authorized(ctx)) return;
  const scenario = scenarioOf("sendgrid", id);
  const state = scenario && PAUSE_STATE[scenario];
  const entries = state ? [{ batch_id: id, status: state }] : [];
  const style = faultStyle([{ batch_id: id, status: "pause" }], [{ batch_id: 42, status: 42 }]);
  if (await answerFault(ctx, scenario, style)) return;
  sendJson(ctx.res, 200, entries);
}

function getScopes(ctx: SimContext) {
  if (authorized(ctx)) sendJson(ctx.res, 200, { scopes: SCOPES });
}

function authorized(ctx: SimContext): boolean {
  if (readBearer(ctx.req.headers.authorization) === ctx.keys.sendgrid) return true;
  sendgridError(ctx, 401, "authorization required");
  return false;
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

function sendgridError(ctx: SimContext, status: number, message: string) {
  sendJson(ctx.res, status, errorsBody(message));
}

function errorsBody(message: string) {
  return { errors: [{ field: null, message }] };
}
