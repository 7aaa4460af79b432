import pino from "pino";
import { describe, expect, it, onTestFinished, vi } from "vitest";
// First among ours: the mocks below are built from it.
import { mockedEnvModule, mockedSessionModule, routeState } from "@/lib/server/testing/route-harness";
import { AppError } from "@/lib/errors";
import { getLogger } from "../logger";
import { jsonResponse } from "./response";
import { withApi, withSession } from "./with-api";

vi.mock("@/lib/server/env", async (original) => mockedEnvModule(await original()));
vi.mock("@/lib/server/session", () => mockedSessionModule());
vi.mock("@/lib/server/db/database", () => ({ getDb: async () => ({}) }));

const call = (
  handler: ReturnType<typeof withApi<{ token: string }>>,
  headers: Record<string, string> = {},
  method = "GET",
) =>
  handler(new Request("http://127.0.0.1:3000/api/share/secret-token", { headers, method }), {
    params: Promise.resolve({ token: "secret-token" }),
  });

const APP = "http://127.0.0.1:3000";

/** The request lines written to the log's stream (the suite runs with LOG_LEVEL=silent). */
function captureRequestLines() {
  const logger = getLogger();
  const level = logger.level;
  logger.level = "info";
  onTestFinished(() => {
    logger.level = level;
  });
  const stream = (logger as unknown as Record<symbol, { write: (line: string) => unknown }>)[pino.symbols.streamSym]!;
  return vi.spyOn(stream, "write").mockImplementation(() => true);
}

describe("withApi", () => {
  it("gives every answer, errors included, a request id, the route's headers and one log line without the token", async () => {
    const write = captureRequestLines();
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

  it.each([
    ["a cross-site form", { "sec-fetch-site": "cross-site", origin: "https://evil.example" }],
    ["a sibling subdomain or another port", { "sec-fetch-site": "same-site", origin: "http://127.0.0.1:4000" }],
    ["another origin, in a browser without Sec-Fetch-Site", { origin: "https://evil.example" }],
    ["an opaque origin", { origin: "null" }],
  ])("refuses a state-changing request from %s with 403 cross_site_request, before the handler runs", async (_from, headers) => {
    const handler = vi.fn(async () => jsonResponse({ ok: true }));
    for (const method of ["POST", "PUT", "PATCH", "DELETE"]) {
      const answer = await call(withApi(handler), { ...headers, "content-type": "text/plain" }, method);
      expect(answer.status, method).toBe(403);
      expect(await answer.json()).toMatchObject({ error: { code: "cross_site_request" } });
    }
    expect(handler).not.toHaveBeenCalled();
  });

  it.each([
    ["our own pages", { "sec-fetch-site": "same-origin", origin: APP }],
    ["the user's own navigation", { "sec-fetch-site": "none" }],
    ["APP_URL, in a browser without Sec-Fetch-Site", { origin: APP }],
    ["a script, which sends neither header", {}],
  ])("lets a state-changing request from %s through", async (_from, headers) => {
    for (const method of ["POST", "PUT", "PATCH", "DELETE"]) {
      expect((await call(withApi(async () => jsonResponse({ ok: true })), headers, method)).status, method).toBe(200);
    }
  });

  it("skips the cross-site check only for a route that declares itself a signed machine call", async () => {
    const crossSite = { "sec-fetch-site": "cross-site", origin: "https://evil.example" };
    const signed = withApi<{ token: string }>(async () => jsonResponse({ ok: true }), { signedMachineCall: true });
    const plain = withApi<{ token: string }>(async () => jsonResponse({ ok: true }), { headers: { "X-Test": "1" } });
    expect((await call(signed, crossSite, "POST")).status).toBe(200);
    expect((await call(plain, crossSite, "POST")).status).toBe(403);
  });

  it("never checks a read", async () => {
    const answer = await call(withApi(async () => jsonResponse({ ok: true })), { "sec-fetch-site": "cross-site", origin: "https://evil.example" });
    expect(answer.status).toBe(200);
  });

  it("names the signed-in caller on the request's log line", async () => {
    const write = captureRequestLines();
    routeState.user = { id: "user-7", teamId: "team-1", role: "member", email: "m@example.com", name: "M" };
    await call(withSession(async () => jsonResponse({ ok: true })) as never);
    routeState.user = null;
    await call(withApi(async () => jsonResponse({ ok: true })));
    const lines = write.mock.calls.map(([line]) => JSON.parse(line) as Record<string, unknown>);
    expect(lines[0]).toMatchObject({ userId: "user-7", status: 200 });
    expect(lines[1]).not.toHaveProperty("userId");
  });
});
