import { request, type Agent } from "node:http";
import { gunzipSync } from "node:zlib";

export type GetResult = { status: number; ms: number; body: string | null; etag: string | null };

/**
 * One GET through a keep-alive agent. The deadline covers the wait for a pooled socket too, so
 * a request queued behind a saturated pool still ends. Transport errors come back as status 0.
 */
export function timedGet(
  url: string,
  options: {
    agent: Agent;
    headers?: Record<string, string>;
    timeoutMs: number;
    keepBody?: boolean;
  },
): Promise<GetResult> {
  const started = performance.now();
  return new Promise((resolve) => {
    const finish = (status: number, body: string | null, etag: string | null = null) => {
      clearTimeout(timer);
      resolve({ status, ms: performance.now() - started, body, etag });
    };
    const req = request(url, { agent: options.agent, headers: options.headers }, (res) => {
      const chunks: Buffer[] = [];
      if (options.keepBody) res.on("data", (chunk: Buffer) => chunks.push(chunk));
      else res.resume();
      res.on("end", () => {
        const raw = Buffer.concat(chunks);
        const gzipped = res.headers["content-encoding"] === "gzip" && raw.length > 0;
        const body = options.keepBody ? (gzipped ? gunzipSync(raw) : raw).toString("utf8") : null;
        const etag = res.headers.etag;
        finish(res.statusCode ?? 0, body, typeof etag === "string" ? etag : null);
      });
      res.on("error", () => finish(0, null));
    });
    const timer = setTimeout(() => req.destroy(new Error("timeout")), options.timeoutMs);
    req.on("error", () => finish(0, null));
    req.end();
  });
}
