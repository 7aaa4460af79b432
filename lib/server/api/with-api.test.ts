import pino from "pino";
import { describe, expect, it, onTestFinished, vi } from "vitest";
import { AppError } from "@/lib/errors";
import { getLogger } from "../logger";
import { jsonResponse } from "./response";
import { withApi } from "./with-api";

const call = (
  handler: ReturnType<typeof withApi<{ token: string }>>,
  headers: Record<string, string> = {},
) =>
  handler(new Request("http://127.0.0.1:3000/api/share/secret-token", { headers }), {
    params: Promise.resolve({ token: "secret-token" }),
  });

describe("withApi", () => {
  it("gives every answer, errors included, a request id, the route's headers and one log line without the token", async () => {
    // The suite runs with LOG_LEVEL=silent; this test reads the line itself.
    const logger = getLogger();
    const level = logger.level;
    logger.level = "info";
    onTestFinished(() => {
      logger.level = level;
    });
    const stream = (logger as unknown as Record<symbol, { write: (line: string) => unknown }>)[pino.symbols.streamSym]!;
    const write = vi.spyOn(stream, "write").mockImplementation(() => true);
    const options = { headers: { "Referrer-Policy": "no-referrer" } };
    const ok = await call(
      withApi(async () => jsonResponse({ ok: true }), options),
      { "x-request-id": "from-proxy-1234" },
    );
    const failed = await call(
      withApi(async () => {
        throw new AppError("not_found", "No such link.");
      }, options),
    );
    expect(ok.headers.get("x-request-id")).toBe("from-proxy-1234");
    expect(failed.status).toBe(404);
    expect(failed.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
    for (const response of [ok, failed])
      expect(response.headers.get("referrer-policy")).toBe("no-referrer");
    const lines = write.mock.calls.map(([line]) => JSON.parse(line) as Record<string, unknown>);
    expect(lines).toEqual([
      expect.objectContaining({ level: 30, service: "sendboard", msg: "request", requestId: "from-proxy-1234", method: "GET", path: "/api/share/:token", status: 200 }),
      expect.objectContaining({ requestId: failed.headers.get("x-request-id"), status: 404, ms: expect.any(Number), time: expect.any(String) }),
    ]);
    expect(JSON.stringify(write.mock.calls)).not.toContain("secret-token");
    write.mockRestore();
  });
});
