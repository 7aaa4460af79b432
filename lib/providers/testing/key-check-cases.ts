import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { ConnectionTestResult, ProviderAdapter, TestConnectionContext } from "../types";
import { sendJson, sendText, startFakeUpstream } from "./fake-upstream";
import type { FakeUpstream } from "./fake-upstream";
import { recordingObserver } from "./recording-observer";
import { BODY_MARKER } from "./upstream-failure-cases";

type Options = {
  adapter: ProviderAdapter;
  apiKey: string;
  /** The cheap call's path as the server sees it. */
  path: string;
  /** The header that carries the key, lower-case, and its expected value. */
  authHeader: readonly [name: string, value: string];
  okBody: unknown;
};

export function testContextFor(baseUrl: string, apiKey: string, timeoutMs = 2000) {
  let reads = 0;
  const recorder = recordingObserver();
  const context: TestConnectionContext = {
    access: {
      baseUrl,
      timeoutMs,
      readApiKey: () => {
        reads += 1;
        return apiKey;
      },
      observer: recorder.observer,
    },
  };
  return { context, reads: () => reads, calls: recorder.calls, errors: recorder.errors };
}

export function expectPlainResult(result: ConnectionTestResult, ok: boolean, apiKey: string) {
  expect(result.ok).toBe(ok);
  expect(result.message).not.toContain(apiKey);
  expect(result.message).not.toContain(BODY_MARKER);
  expect(result.message).not.toMatch(/<html|<h1/i);
}

/** The test-connection behaviour every adapter shares, against a real local server. */
export function describeKeyCheck({ adapter, apiKey, path, authHeader, okBody }: Options) {
  describe(`${adapter.id} testConnection`, () => {
    let upstream: FakeUpstream;
    beforeAll(async () => {
      upstream = await startFakeUpstream();
    });
    afterAll(() => upstream.close());
    beforeEach(() => {
      upstream.requests.length = 0;
      upstream.reply((_q, r) => sendJson(r, 200, okBody));
    });
    const run = (timeoutMs?: number) => adapter.testConnection(testContextFor(upstream.baseUrl, apiKey, timeoutMs).context);

    it(`GETs ${path} with the key, reading it only during the call`, async () => {
      const { context, reads } = testContextFor(upstream.baseUrl, apiKey);
      expect(reads()).toBe(0);
      const result = await adapter.testConnection(context);
      expectPlainResult(result, true, apiKey);
      expect(result.message).toMatch(/works/);
      expect(reads()).toBe(1);
      expect(upstream.requests.map((request) => `${request.method} ${request.url}`)).toEqual([`GET ${path}`]);
      expect(upstream.requests[0]?.headers[authHeader[0]]).toBe(authHeader[1]);
      expect(upstream.requests[0]?.headers.cookie).toBeUndefined();
    });

    it.each([401, 403])("says plainly that the key does not work on HTTP %i", async (status) => {
      upstream.reply((_q, r) => sendJson(r, status, { error: BODY_MARKER, detail: BODY_MARKER, message: BODY_MARKER }));
      const result = await run();
      expectPlainResult(result, false, apiKey);
      expect(result.message).toMatch(/does not work/);
      expect(result.message).toContain(String(status));
    });

    it("says it could not check when rate limited, with the wait", async () => {
      upstream.reply((_q, r) => sendJson(r, 429, { message: BODY_MARKER }, { "retry-after": "5" }));
      const result = await run();
      expectPlainResult(result, false, apiKey);
      expect(result.message).toMatch(/could not check.*rate limiting.*5 s/i);
    });

    it("says it could not check on a 5xx page", async () => {
      upstream.reply((_q, r) => sendText(r, 502, `<html><h1>Bad Gateway</h1>${BODY_MARKER}</html>`, { "content-type": "text/html" }));
      const result = await run();
      expectPlainResult(result, false, apiKey);
      expect(result.message).toMatch(/could not check.*502/i);
    });

    it("does not follow a redirect", async () => {
      upstream.reply((request, r) =>
        request.url === "/elsewhere" ? sendJson(r, 200, okBody) : sendText(r, 302, "", { location: `${upstream.baseUrl}/elsewhere` }),
      );
      const result = await run();
      expectPlainResult(result, false, apiKey);
      expect(upstream.requests).toHaveLength(1);
    });

    it("counts the call but no error when the key is refused: the check did its job", async () => {
      upstream.reply((_q, r) => sendJson(r, 401, { error: BODY_MARKER }));
      const { context, calls, errors } = testContextFor(upstream.baseUrl, apiKey);
      await adapter.testConnection(context);
      expect(calls).toEqual([{ provider: adapter.id, outcome: "4xx" }]);
      expect(errors).toEqual([]);
    });

    it("reports a timeout instead of throwing", async () => {
      upstream.reply(() => undefined);
      const result = await run(150);
      expectPlainResult(result, false, apiKey);
      expect(result.message).toMatch(/could not check/i);
    });
  });
}
