import type { ProviderSim, SimContext } from "../context";
import { BOLNA_DOCS_EXAMPLE } from "../docs-examples";
import { answerFault, type FaultStyle } from "../faults";
import { readBearer, sendJson, sendText } from "../respond";
import { findRoute, handlerFor, route, type RouteParams } from "../router";
import { scenarioOf } from "../scenarios";
import { bolnaBatchBody, bolnaMoment, isStoppable } from "./bolna-batch";
import {
  agentBatchIds,
  BOLNA_AGENTS,
  bolnaBatchEntry,
  type BolnaBatchEntry,
} from "./bolna-catalogue";
import { bolnaExecutions } from "./bolna-executions";

// Bolna (FastAPI): a missing or bad key is 403 {"detail"} (FastAPI's HTTPBearer), other errors
// use {"message"} or the documented {"error": <int>, "message"}. Lists are bare arrays.

const routes = [
  route("/v2/agent/all", listAgents),
  route("/batches/:agent/all", listAgentBatches),
  route("/batches/:id/executions", listExecutions),
  route("/batches/:id/stop", { POST: stopBatch }),
  route("/batches/:id", getBatch),
  route("/user/me", getUser),
];

const PAGE_SIZE = { fallback: 20, max: 50 };

export const bolnaSim: ProviderSim = {
  id: "bolna",
  owns: (path) => /^\/(batches|user|v2\/agent)(\/|$)/.test(path),
  async handle(ctx) {
    const match = findRoute(routes, ctx.url.pathname);
    if (!match) return sendJson(ctx.res, 404, { detail: "Not Found" });
    const handler = handlerFor(match, ctx.req.method);
    if (!handler) return sendJson(ctx.res, 405, { detail: "Method Not Allowed" });
    await handler(ctx, match.params);
  },
};

async function getBatch(ctx: SimContext, { id = "" }: RouteParams) {
  ctx.countCall("bolna", id);
  if (!authorized(ctx)) return;
  if (await faulted(ctx, id, () => batchBody(ctx, id))) return;
  if (scenarioOf("bolna", id) === "docs-example") {
    return sendText(ctx.res, 200, "application/json", BOLNA_DOCS_EXAMPLE);
  }
  const body = batchBody(ctx, id);
  if (!body) return sendJson(ctx.res, 404, { message: "Batch not found" });
  sendJson(ctx.res, 200, body);
}

function listAgents(ctx: SimContext) {
  if (!authorized(ctx)) return;
  sendJson(
    ctx.res,
    200,
    Object.values(BOLNA_AGENTS).map(({ id, agent_name, created_at, updated_at, welcome }) => ({
      id,
      agent_name,
      agent_type: "other",
      agent_status: "processed",
      created_at,
      updated_at,
      agent_welcome_message: welcome,
      webhook_url: null,
    })),
  );
}

function listAgentBatches(ctx: SimContext, { agent = "" }: RouteParams) {
  if (!authorized(ctx)) return;
  const ids = agentBatchIds(ctx, agent);
  if (!ids) return sendJson(ctx.res, 404, { message: "Agent not found" });
  sendJson(ctx.res, 200, ids.map((id) => batchBody(ctx, id)).filter(Boolean));
}

// The OpenAPI shows a bare array, Bolna's skill text a paged envelope: batches whose id ends in
// an odd hex digit answer the envelope (paged by page_number / page_size), the others the array.
async function listExecutions(ctx: SimContext, { id = "" }: RouteParams) {
  if (!authorized(ctx)) return;
  if (await faulted(ctx, id, () => [])) return;
  const entry = bolnaBatchEntry(ctx, id);
  if (!entry) return sendJson(ctx.res, 404, { message: "Batch not found" });
  const rows = bolnaExecutions(id, entry, momentOf(ctx, id, entry), ctx.now);
  if (!answersEnvelope(id)) return sendJson(ctx.res, 200, rows);
  const page = queryInt(ctx, "page_number", 1, Infinity);
  const pageSize = queryInt(ctx, "page_size", PAGE_SIZE.fallback, PAGE_SIZE.max);
  if (page === undefined || pageSize === undefined) return;
  const data = rows.slice((page - 1) * pageSize, page * pageSize);
  sendJson(ctx.res, 200, {
    page_number: page,
    page_size: pageSize,
    total: rows.length,
    has_more: page * pageSize < rows.length,
    data,
  });
}

function stopBatch(ctx: SimContext, { id = "" }: RouteParams) {
  if (!authorized(ctx)) return;
  const entry = bolnaBatchEntry(ctx, id);
  if (!entry || !isStoppable(entry.spec, momentOf(ctx, id, entry))) {
    return sendJson(ctx.res, 404, { message: "Batch is not queued or running" });
  }
  ctx.state.bolnaStops.set(id, ctx.now);
  sendJson(ctx.res, 200, { message: "success", state: "stopped" });
}

function getUser(ctx: SimContext) {
  if (!authorized(ctx)) return;
  sendJson(ctx.res, 200, {
    id: "7d1c2a9e-3b4f-4c5d-8e6f-0a1b2c3d4e5f",
    name: "Northwind Outfitters",
    email: "ops@northwind.example",
    wallet: 482.19,
    concurrency: { max: 10, current: 3 },
  });
}

/** Answers the fault a fault scenario's id stands for; true when it did. */
function faulted(ctx: SimContext, id: string, validBody: () => unknown): Promise<boolean> {
  return answerFault(ctx, scenarioOf("bolna", id), faultStyle(validBody));
}

function batchBody(ctx: SimContext, id: string) {
  const entry = bolnaBatchEntry(ctx, id);
  return entry && bolnaBatchBody(id, entry.spec, momentOf(ctx, id, entry), ctx.now);
}

function momentOf(ctx: SimContext, id: string, entry: BolnaBatchEntry) {
  return bolnaMoment(entry.spec, ctx.now, ctx.state.bolnaStops.get(id));
}

function answersEnvelope(id: string): boolean {
  return parseInt(id.slice(-1), 16) % 2 === 1;
}

/** A positive integer query parameter within max, or FastAPI's 422 (then undefined). */
function queryInt(
  ctx: SimContext,
  name: string,
  fallback: number,
  max: number,
): number | undefined {
  const raw = ctx.url.searchParams.get(name);
  if (raw === null) return fallback;
  const value = /^\d+$/.test(raw) ? Number(raw) : NaN;
  if (value >= 1 && value <= max) return value;
  const msg = Number.isNaN(value)
    ? "Input should be a valid integer, unable to parse string as an integer"
    : `Input should be ${value < 1 ? "greater than or equal to 1" : `less than or equal to ${max}`}`;
  sendJson(ctx.res, 422, {
    detail: [{ type: "int_parsing", loc: ["query", name], msg, input: raw }],
  });
  return undefined;
}

function authorized(ctx: SimContext): boolean {
  const header = ctx.req.headers.authorization;
  const key = readBearer(header);
  if (key === ctx.keys.bolna) return true;
  const detail = header ? "Invalid authentication credentials" : "Not authenticated";
  sendJson(ctx.res, 403, { detail });
  return false;
}

function faultStyle(validBody: () => unknown): FaultStyle {
  return {
    serverError: { error: 500, message: "Internal server error" },
    rateLimited: { message: "Rate limit exceeded. Please retry after some time." },
    wrongTypes: {
      batch_id: 42,
      humanized_created_at: 300,
      created_at: 1_706_000_000,
      updated_at: null,
      status: 42,
      valid_contacts: "lots",
      total_contacts: "lots",
      execution_status: "lots",
    },
    validBody,
  };
}
