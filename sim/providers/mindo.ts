import type { ProviderSim, SimContext } from "../context";
import { MINDO_DOCS_EXAMPLE } from "../docs-examples";
import { answerFault, type FaultStyle } from "../faults";
import { sendJson, sendText } from "../respond";
import { findRoute, route, type Route, type RouteParams } from "../router";
import { scenarioOf } from "../scenarios";
import { MINDO_BUSINESS_ACCOUNTS } from "./mindo-accounts";
import { mindoBulkSend } from "./mindo-batch";

// Mindo (Django REST Framework): every path ends with "/", and Django's APPEND_SLASH answers 301
// to the slashed path before any view (so before the key is checked). Ids use Django's <uuid:>
// converter: lowercase only, anything else is Django's HTML 404.

const UUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";
const BULK_SEND = new RegExp(`^/api/v1/meta-templates/bulk-sends/(?<id>${UUID})/$`);

const routes: Route[] = [
  { pattern: BULK_SEND, handler: getBulkSend },
  route("/api/v1/business-accounts/", getBusinessAccounts),
];

const NOT_FOUND_HTML = `<!doctype html>
<html lang="en">
<head>
  <title>Not Found</title>
</head>
<body>
  <h1>Not Found</h1><p>The requested resource was not found on this server.</p>
</body>
</html>
`;

export const mindoSim: ProviderSim = {
  id: "mindo",
  owns: (path) => /^\/api\/v1\/(meta-templates|business-accounts)(\/|$)/.test(path),
  async handle(ctx) {
    const { pathname, search } = ctx.url;
    const method = ctx.req.method ?? "GET";
    const match = findRoute(routes, pathname);
    if (!match) {
      const slashed = findRoute(routes, `${pathname}/`);
      if (!slashed || (method !== "GET" && method !== "HEAD")) {
        return sendText(ctx.res, 404, "text/html; charset=utf-8", NOT_FOUND_HTML);
      }
      if (slashed.params.id) ctx.countCall("mindo", slashed.params.id);
      return sendText(ctx.res, 301, "text/html; charset=utf-8", "", {
        Location: `${pathname}/${search}`,
      });
    }
    if (method !== "GET")
      return sendJson(ctx.res, 405, { detail: `Method "${method}" not allowed.` });
    await match.handler(ctx, match.params);
  },
};

async function getBulkSend(ctx: SimContext, { id = "" }: RouteParams) {
  ctx.countCall("mindo", id);
  if (!authorized(ctx)) return;
  const scenario = scenarioOf("mindo", id);
  if (
    await answerFault(
      ctx,
      scenario,
      faultStyle(() => mindoBulkSend("running", id, ctx)),
    )
  )
    return;
  if (scenario === "docs-example") {
    return sendText(ctx.res, 200, "application/json", MINDO_DOCS_EXAMPLE);
  }
  const body = scenario && mindoBulkSend(scenario, id, ctx);
  if (!body) return sendJson(ctx.res, 404, { detail: "Not found." });
  sendJson(ctx.res, 200, body);
}

function getBusinessAccounts(ctx: SimContext) {
  if (authorized(ctx)) sendJson(ctx.res, 200, MINDO_BUSINESS_ACCOUNTS);
}

function authorized(ctx: SimContext): boolean {
  const raw = ctx.req.headers["x-api-key"];
  const key = (Array.isArray(raw) ? raw[0] : raw)?.trim();
  if (!key) {
    sendJson(ctx.res, 401, {
      error: "Este endpoint requiere autenticacion con API Key (header X-API-Key)",
    });
    return false;
  }
  if (key !== ctx.keys.mindo) {
    sendJson(ctx.res, 401, { error: "API Key expirada" });
    return false;
  }
  return true;
}

function faultStyle(validBody: () => unknown): FaultStyle {
  return {
    // DRF's own bodies: APIException's default detail and the throttling message.
    serverError: { detail: "A server error occurred." },
    rateLimited: { detail: "Request was throttled. Expected available in 5 seconds." },
    wrongTypes: {
      id: 42,
      status: 42,
      total_recipients: "lots",
      sent_count: "lots",
      delivered_count: "lots",
      read_count: [],
      failed_count: null,
      pending_count: "lots",
      progress_percentage: "half",
      started_at: 1_763_328_605,
      completed_at: true,
      created_at: {},
    },
    validBody,
  };
}
