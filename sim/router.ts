import type { SimContext } from "./context";

export type RouteParams = Readonly<Record<string, string>>;
export type RouteHandler = (ctx: SimContext, params: RouteParams) => void | Promise<void>;
export type Route = { pattern: RegExp; handler: RouteHandler };

/** "/v1/sending/batches/:id" → a route whose `id` is one path segment. */
export function route(template: string, handler: RouteHandler): Route {
  const source = template
    .split("/")
    .map((part) => (part.startsWith(":") ? `(?<${part.slice(1)}>[^/]+)` : escapeRegExp(part)))
    .join("/");
  return { pattern: new RegExp(`^${source}$`), handler };
}

export function findRoute(
  routes: readonly Route[],
  pathname: string,
): { handler: RouteHandler; params: RouteParams } | undefined {
  for (const { pattern, handler } of routes) {
    const match = pattern.exec(pathname);
    if (match) return { handler, params: decodeParams(match.groups ?? {}) };
  }
  return undefined;
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
