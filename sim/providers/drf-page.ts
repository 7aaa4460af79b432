import type { SimContext } from "../context";
import { sendJson } from "../respond";

// Django REST Framework's PageNumberPagination, as Mindo's lists answer: {count, next, previous,
// results} with absolute next/previous URLs built from the request (on the simulator's own
// host), page_size capped, and 404 {"detail": "Invalid page."} past the end.

const DEFAULT_PAGE_SIZE = 20;
const MAX_PAGE_SIZE = 100;

export function sendDrfPage(ctx: SimContext, items: readonly unknown[]) {
  const pageSize = pageSizeOf(ctx.url.searchParams.get("page_size"));
  const pages = Math.max(1, Math.ceil(items.length / pageSize));
  const raw = ctx.url.searchParams.get("page") ?? "1";
  const page = /^\d+$/.test(raw) ? Number(raw) : NaN;
  if (!(page >= 1 && page <= pages)) return sendJson(ctx.res, 404, { detail: "Invalid page." });
  sendJson(ctx.res, 200, {
    count: items.length,
    next: page < pages ? pageUrl(ctx, page + 1) : null,
    previous: page > 1 ? pageUrl(ctx, page - 1) : null,
    results: items.slice((page - 1) * pageSize, page * pageSize),
  });
}

function pageSizeOf(raw: string | null): number {
  const size = raw !== null && /^\d+$/.test(raw) ? Number(raw) : DEFAULT_PAGE_SIZE;
  return size >= 1 ? Math.min(size, MAX_PAGE_SIZE) : DEFAULT_PAGE_SIZE;
}

// DRF drops `page` for the first page and replaces it otherwise, keeping the other filters.
function pageUrl(ctx: SimContext, page: number): string {
  const params = new URLSearchParams(ctx.url.search);
  if (page === 1) params.delete("page");
  else params.set("page", String(page));
  const query = params.toString();
  return `http://${ctx.req.headers.host ?? "127.0.0.1"}${ctx.url.pathname}${query ? `?${query}` : ""}`;
}

/** A django-filter validation error: 400 {"<field>": ["<message>"]}. */
export function sendFilterError(ctx: SimContext, field: string, message: string) {
  sendJson(ctx.res, 400, { [field]: [message] });
}
