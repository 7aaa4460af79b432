import { randomBytes } from "node:crypto";
import type { ProviderSim, SimContext } from "../context";
import { MIGMA_DOCS_EXAMPLE } from "../docs-examples";
import { answerFault, type FaultStyle } from "../faults";
import { sendJson, sendText } from "../respond";
import { findRoute, handlerFor, route, type RouteParams } from "../router";
import { scenarioOf, SIM_MIGMA_PENDING_ID, simMigmaBatchEnd } from "../scenarios";
import { migmaBatchData, migmaBatchEndingAt } from "./migma-batch";

// Migma (Express): envelope { success, data, error }, errors { success:false, error, code, metadata }.
// Every route is served under both /v1 and /api/v1.

const routes = [route("/v1/sending/batches/:id", getBatch), route("/v1/projects", listProjects)];

export const migmaSim: ProviderSim = {
  id: "migma",
  owns: (path) => /^\/(api\/)?v1(\/|$)/.test(path),
  async handle(ctx) {
    const match = findRoute(routes, ctx.url.pathname.replace(/^\/api(?=\/v1)/, ""));
    if (!match) return migmaError(ctx, 404, "NOT_FOUND", "Route not found");
    const handler = handlerFor(match, ctx.req.method);
    if (!handler) return migmaError(ctx, 405, "METHOD_NOT_ALLOWED", "Method not allowed");
    await handler(ctx, match.params);
  },
};

async function getBatch(ctx: SimContext, { id = "" }: RouteParams) {
  ctx.countCall("migma", id);
  if (!authorized(ctx)) return;
  const endsAt = simMigmaBatchEnd(id);
  if (endsAt !== null) return sendJson(ctx.res, 200, envelope(ctx, migmaBatchEndingAt(id, endsAt, ctx)));
  const scenario = id === SIM_MIGMA_PENDING_ID ? "pending" : scenarioOf("migma", id);
  const validBody = () => envelope(ctx, migmaBatchData("running", id, ctx));
  if (scenario !== "pending" && (await answerFault(ctx, scenario, faultStyle(ctx, validBody)))) {
    return;
  }
  if (scenario === "docs-example") {
    return sendText(ctx.res, 200, "application/json", MIGMA_DOCS_EXAMPLE);
  }
  const data = scenario && migmaBatchData(scenario, id, ctx);
  if (!data) return migmaError(ctx, 404, "NOT_FOUND", "Batch not found");
  sendJson(ctx.res, 200, envelope(ctx, data));
}

function listProjects(ctx: SimContext) {
  if (!authorized(ctx)) return;
  const project = {
    _id: "65a1f0c2e4b0a1b2c3d4e5f6",
    name: "Northwind Outfitters",
    description: "Outdoor clothing and gear",
    status: "active",
    domain: "northwind.example",
    createdAt: "2024-01-12T09:15:00.000Z",
    updatedAt: "2024-03-02T16:40:00.000Z",
  };
  const pagination = { total: 1, limit: 20, offset: 0, hasMore: false };
  sendJson(ctx.res, 200, envelope(ctx, { projects: [project], pagination }));
}

/** Bearer is documented; Migma's own notes say `ApiKey <key>` and X-API-Key work too. */
function authorized(ctx: SimContext): boolean {
  const header = ctx.req.headers.authorization ?? "";
  const match = /^(Bearer|ApiKey)\s+(\S+)$/i.exec(header.trim());
  const key = match?.[2] ?? headerValue(ctx.req.headers["x-api-key"]);
  if (!key) {
    migmaError(
      ctx,
      401,
      "UNAUTHORIZED",
      "Missing API key. Use 'Authorization: Bearer YOUR_API_KEY'",
    );
    return false;
  }
  if (key !== ctx.keys.migma) {
    migmaError(ctx, 401, "INVALID_API_KEY", "Invalid or revoked API key");
    return false;
  }
  return true;
}

function faultStyle(ctx: SimContext, validBody: () => unknown): FaultStyle {
  return {
    serverError: errorBody(ctx, "INTERNAL_ERROR", "Internal server error"),
    rateLimited: errorBody(
      ctx,
      "RATE_LIMIT_EXCEEDED",
      "Rate limit exceeded. Try again in 5 seconds.",
    ),
    wrongTypes: {
      success: true,
      data: {
        batchId: 42,
        status: 42,
        totalCount: "lots",
        queuedCount: "lots",
        sentCount: "lots",
        failedCount: null,
        createdAt: 1_700_000_000,
        updatedAt: false,
      },
      error: null,
    },
    validBody,
  };
}

function envelope(ctx: SimContext, data: unknown) {
  return { success: true, data, error: null, metadata: metadata(ctx) };
}

function migmaError(ctx: SimContext, status: number, code: string, message: string) {
  sendJson(ctx.res, status, errorBody(ctx, code, message));
}

function errorBody(ctx: SimContext, code: string, message: string) {
  return { success: false, error: message, code, metadata: metadata(ctx) };
}

function metadata(ctx: SimContext) {
  return {
    timestamp: new Date(ctx.now).toISOString(),
    requestId: `req_${randomBytes(6).toString("hex")}`,
  };
}

function headerValue(value: string | string[] | undefined): string | undefined {
  return (Array.isArray(value) ? value[0] : value)?.trim() || undefined;
}
