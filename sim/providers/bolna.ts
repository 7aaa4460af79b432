import type { ProviderSim, SimContext } from "../context";
import { BOLNA_DOCS_EXAMPLE } from "../docs-examples";
import { answerFault, type FaultStyle } from "../faults";
import { readBearer, sendJson, sendText } from "../respond";
import { findRoute, route, type RouteParams } from "../router";
import { scenarioOf } from "../scenarios";
import { bolnaBatch } from "./bolna-batch";

// Bolna (FastAPI): a missing or bad key is 403 {"detail"} (FastAPI's HTTPBearer), other errors
// use {"message"} or the documented {"error": <int>, "message"}.

const routes = [route("/batches/:id", getBatch), route("/user/me", getUser)];

export const bolnaSim: ProviderSim = {
  id: "bolna",
  owns: (path) => /^\/(batches|user)(\/|$)/.test(path),
  async handle(ctx) {
    const match = findRoute(routes, ctx.url.pathname);
    if (!match) return sendJson(ctx.res, 404, { detail: "Not Found" });
    if (ctx.req.method !== "GET") return sendJson(ctx.res, 405, { detail: "Method Not Allowed" });
    await match.handler(ctx, match.params);
  },
};

async function getBatch(ctx: SimContext, { id = "" }: RouteParams) {
  ctx.countCall("bolna", id);
  if (!authorized(ctx)) return;
  const scenario = scenarioOf("bolna", id);
  if (
    await answerFault(
      ctx,
      scenario,
      faultStyle(() => bolnaBatch("running", id, ctx)),
    )
  )
    return;
  if (scenario === "docs-example") {
    return sendText(ctx.res, 200, "application/json", BOLNA_DOCS_EXAMPLE);
  }
  const body = scenario && bolnaBatch(scenario, id, ctx);
  if (!body) return sendJson(ctx.res, 404, { message: "Batch not found" });
  sendJson(ctx.res, 200, body);
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
