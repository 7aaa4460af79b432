import type { SimContext } from "./context";

export type RouteParams = Readonly<Record<string, string>>;
export type RouteHandler = (ctx: SimContext, params: RouteParams) => void | Promise<void>;
export type Method = "GET" | "POST" | "PATCH" | "DELETE";
export type Handlers = Partial<Record<Method, RouteHandler>>;
export type Route = { pattern: RegExp; handlers: Handlers };
export type RouteMatch = { params: RouteParams; handlers: Handlers };

/** "/v1/sending/batches/:id" → a route whose `id` is one path segment; a bare handler serves GET. */
export function route(template: string, handlers: RouteHandler | Handlers): Route {
  const source = template
    .split("/")
    .map((part) => (part.startsWith(":") ? `(?<${part.slice(1)}>[^/]+)` : escapeRegExp(part)))
    .join("/");
  return {
    pattern: new RegExp(`^${source}$`),
    handlers: typeof handlers === "function" ? { GET: handlers } : handlers,
  };
}

export function findRoute(routes: readonly Route[], pathname: string): RouteMatch | undefined {
  for (const { pattern, handlers } of routes) {
    const match = pattern.exec(pathname);
    if (match) return { handlers, params: decodeParams(match.groups ?? {}) };
  }
  return undefined;
}

/** The handler for the request's method, or undefined when the path does not take it (405). */
export function handlerFor(
  match: RouteMatch,
  method: string | undefined,
): RouteHandler | undefined {
  return match.handlers[(method ?? "GET") as Method];
}

function decodeParams(groups: Record<string, string>): RouteParams {
  const params: Record<string, string> = {};
  for (const [name, value] of Object.entries(groups)) {
    try {
      params[name] = decodeURIComponent(value);
    } catch {
      params[name] = value;
    }
  }
  return params;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
