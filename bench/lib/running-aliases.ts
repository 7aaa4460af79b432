import { createServer, request } from "node:http";
import type { AddressInfo } from "node:net";
import type { ProviderId } from "../../lib/providers/provider-id";
import { SIM_SCENARIOS } from "../../sim/scenarios";

export type AliasProvider = Extract<ProviderId, "migma" | "mindo" | "bolna">;

const MAX_ALIASES = 100;

/**
 * The simulator knows one running batch per provider; a wall needs dozens. The n-th alias is a
 * distinct, well-formed batch id that the proxy below turns into the provider's running id.
 */
export function runningAlias(provider: AliasProvider, n: number): string {
  const digits = String(n).padStart(12, "0");
  switch (provider) {
    case "migma":
      return `sim-bench-running-${digits}`;
    case "mindo":
      return `be000000-0000-4000-8000-${digits}`;
    case "bolna":
      return `be000000000000000000${digits}`;
  }
}

const ALIAS_TO_RUNNING = new Map(
  (["migma", "mindo", "bolna"] as const).flatMap((provider) =>
    Array.from(
      { length: MAX_ALIASES },
      (_, n) => [runningAlias(provider, n), SIM_SCENARIOS[provider].running] as const,
    ),
  ),
);

function rewritePath(path: string): string {
  const [pathname = "", query] = path.split(/\?(.*)/s, 2);
  const rewritten = pathname
    .split("/")
    .map((segment) => ALIAS_TO_RUNNING.get(segment) ?? segment)
    .join("/");
  return query === undefined ? rewritten : `${rewritten}?${query}`;
}

/** A loopback proxy in front of the simulator that answers every running alias as the running batch. */
export async function startAliasProxy(
  simUrl: string,
): Promise<{ url: string; close: () => Promise<void> }> {
  const target = new URL(simUrl);
  const server = createServer((req, res) => {
    const upstream = request(
      {
        host: target.hostname,
        port: target.port,
        method: req.method,
        path: rewritePath(req.url ?? "/"),
        headers: req.headers,
      },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    upstream.on("error", () => {
      if (!res.headersSent) res.writeHead(502, { "Content-Type": "text/plain" });
      res.end("Bench proxy: simulator unreachable\n");
    });
    req.pipe(upstream);
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
