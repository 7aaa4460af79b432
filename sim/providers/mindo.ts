import type { ProviderSim, SimContext } from "../context";
import { MINDO_DOCS_EXAMPLE } from "../docs-examples";
import { answerFault, type FaultStyle } from "../faults";
import { sendJson, sendText } from "../respond";
import { findRoute, handlerFor, route, type Route, type RouteParams } from "../router";
import { scenarioOf } from "../scenarios";
import { sendDrfPage, sendFilterError } from "./drf-page";
import { MINDO_BUSINESS_ACCOUNTS } from "./mindo-accounts";
import { mindoMoment, mindoSendBody, type MindoSendSpec } from "./mindo-batch";
import { mindoSendOf, mindoSends } from "./mindo-catalogue";
import { mindoMessages } from "./mindo-messages";

// Mindo (Django REST Framework): every path ends with "/", and Django's APPEND_SLASH answers 301
// to the slashed path before any view (so before the key is checked). Ids use Django's <uuid:>
// converter: lowercase only, anything else is Django's HTML 404.

const UUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";
const BULK_SEND = new RegExp(`^/api/v1/meta-templates/bulk-sends/(?<id>${UUID})/$`);
// Named `send`, not `id`: only status calls are counted per batch, redirects included.
const MESSAGES = new RegExp(`^/api/v1/meta-templates/bulk-sends/(?<send>${UUID})/messages/$`);
const STATUSES = ["QUEUED", "PROCESSING", "COMPLETED", "PARTIAL", "FAILED", "CANCELLED"];
const MESSAGE_STATUSES = ["sent", "delivered", "read", "failed"];

const routes: Route[] = [
  { pattern: BULK_SEND, handlers: { GET: getBulkSend } },
  { pattern: MESSAGES, handlers: { GET: listMessages } },
  route("/api/v1/meta-templates/bulk-sends/", listBulkSends),
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
    const handler = handlerFor(match, method);
    if (!handler) return sendJson(ctx.res, 405, { detail: `Method "${method}" not allowed.` });
    await handler(ctx, match.params);
  },
};

async function getBulkSend(ctx: SimContext, { id = "" }: RouteParams) {
  ctx.countCall("mindo", id);
  if (!authorized(ctx)) return;
  const scenario = scenarioOf("mindo", id);
  if (await answerFault(ctx, scenario, faultStyle(() => sendBody(ctx, id, mindoSendOf(ctx, id))))) return;
  if (scenario === "docs-example") {
    return sendText(ctx.res, 200, "application/json", MINDO_DOCS_EXAMPLE);
  }
  const spec = mindoSendOf(ctx, id);
  if (!spec) return sendJson(ctx.res, 404, { detail: "Not found." });
  sendJson(ctx.res, 200, sendBody(ctx, id, spec));
}

/** GET …/bulk-sends/?status=&template=&created_after=&created_before=&page=&page_size=, newest first. */
function listBulkSends(ctx: SimContext) {
  if (!authorized(ctx)) return;
  const query = ctx.url.searchParams;
  const status = query.get("status");
  if (status !== null && !STATUSES.includes(status)) {
    return sendFilterError(ctx, "status", `Select a valid choice. ${status} is not one of the available choices.`);
  }
  const template = query.get("template");
  if (template !== null && !/^\d+$/.test(template)) return sendFilterError(ctx, "template", "Enter a number.");
  const after = dateFilter(ctx, "created_after");
  const before = dateFilter(ctx, "created_before");
  if (after === null || before === null) return;
  const items = mindoSends(ctx)
    .map(({ id, spec }) => listItem(mindoSendBody(id, spec, mindoMoment(spec, ctx.now), ctx.now)))
    .filter((item) => status === null || item.status === status)
    .filter((item) => template === null || item.template.id === Number(template))
    .filter((item) => (after === undefined || item.created_at.slice(0, 10) >= after) && (before === undefined || item.created_at.slice(0, 10) <= before))
    .sort((a, b) => b.created_at.localeCompare(a.created_at));
  sendDrfPage(ctx, items);
}

async function listMessages(ctx: SimContext, { send = "" }: RouteParams) {
  if (!authorized(ctx)) return;
  const scenario = scenarioOf("mindo", send);
  if (await answerFault(ctx, scenario, faultStyle(() => ({ count: 0, next: null, previous: null, results: [] })))) return;
  const spec = mindoSendOf(ctx, send);
  if (!spec) return sendJson(ctx.res, 404, { detail: "Not found." });
  const status = ctx.url.searchParams.get("status");
  if (status !== null && !MESSAGE_STATUSES.includes(status)) {
    return sendFilterError(ctx, "status", `Select a valid choice. ${status} is not one of the available choices.`);
  }
  const rows = mindoMessages(send, spec, mindoMoment(spec, ctx.now), ctx.now);
  sendDrfPage(ctx, status === null ? rows : rows.filter((row) => row.status === status));
}

function sendBody(ctx: SimContext, id: string, spec: MindoSendSpec | undefined) {
  return spec && mindoSendBody(id, spec, mindoMoment(spec, ctx.now), ctx.now);
}

// List items are a subset of the status object, per Mindo's docs.
const NOT_IN_LIST = ["estimated_time_minutes", "started_at", "created_by"];

function listItem(body: ReturnType<typeof mindoSendBody>) {
  const item = Object.fromEntries(Object.entries(body).filter(([key]) => !NOT_IN_LIST.includes(key)));
  return item as Omit<typeof body, "estimated_time_minutes" | "started_at" | "created_by">;
}

/** A YYYY-MM-DD filter: undefined when absent, null after answering its 400. */
function dateFilter(ctx: SimContext, name: string): string | undefined | null {
  const value = ctx.url.searchParams.get(name);
  if (value === null) return undefined;
  if (/^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(Date.parse(value))) return value;
  sendFilterError(ctx, name, "Enter a valid date.");
  return null;
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
