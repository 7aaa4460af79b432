import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import type { ErrorCode } from "@/lib/errors";
import type { FetchBatchContext, ProviderAdapter, UpstreamObserver } from "../types";
import { sendJson, sendText, startFakeUpstream } from "./fake-upstream";
import type { FakeUpstream } from "./fake-upstream";
import { recordingObserver } from "./recording-observer";

// Failure mapping every adapter must share, run against a real local server. Each body carries a
// marker so the tests can prove no upstream text (nor the key) leaks into an error message.
export const BODY_MARKER = "UPSTREAM-BODY-MARKER-7f3a";

type Options = {
  adapter: ProviderAdapter;
  batchId: string;
  apiKey: string;
  /** The provider's own 404 body (Mindo: {"detail":"Not found."}, …). */
  notFoundBody: unknown;
};

export function contextFor(
  upstream: FakeUpstream,
  apiKey: string,
  timeoutMs = 2000,
  observer: UpstreamObserver = recordingObserver().observer,
): FetchBatchContext {
  return {
    access: { baseUrl: upstream.baseUrl, readApiKey: () => apiKey, timeoutMs, observer },
    now: new Date("2025-06-01T12:00:00Z"),
  };
}

export async function getBatchError(
  adapter: ProviderAdapter,
  batchId: string,
  context: FetchBatchContext,
): Promise<AppError> {
  const outcome = await adapter.getBatch(batchId, context).then(
    () => null,
    (error: unknown) => error,
  );
  if (!(outcome instanceof AppError))
    throw new Error(`expected an AppError, got ${String(outcome)}`);
  return outcome;
}

export function expectSafeError(error: AppError, code: ErrorCode, apiKey: string) {
  expect(error.code).toBe(code);
  expect(error.message).not.toContain(apiKey);
  expect(error.message).not.toContain(BODY_MARKER);
  expect(error.message).not.toMatch(/<html|<h1/i);
}

export function describeUpstreamFailures({ adapter, batchId, apiKey, notFoundBody }: Options) {
  describe(`${adapter.id} upstream failures`, () => {
    let upstream: FakeUpstream;
    beforeAll(async () => {
      upstream = await startFakeUpstream();
    });
    afterAll(() => upstream.close());
    beforeEach(() => {
      upstream.requests.length = 0;
    });

    const failWith = async (code: ErrorCode, timeoutMs?: number) => {
      const error = await getBatchError(adapter, batchId, contextFor(upstream, apiKey, timeoutMs));
      expectSafeError(error, code, apiKey);
      return error;
    };

    it("maps the provider's 404 to not_found", async () => {
      upstream.reply((_q, r) => sendJson(r, 404, notFoundBody));
      await failWith("not_found");
    });

    it.each([401, 403])(
      "maps HTTP %i to provider_auth_failed without echoing the body",
      async (status) => {
        upstream.reply((_q, r) =>
          sendJson(r, status, { error: BODY_MARKER, detail: BODY_MARKER, message: BODY_MARKER }),
        );
        const error = await failWith("provider_auth_failed");
        expect(error.message).toContain(String(status));
      },
    );

    it("maps 429 to provider_rate_limited and keeps Retry-After", async () => {
      upstream.reply((_q, r) => sendJson(r, 429, { message: BODY_MARKER }, { "retry-after": "5" }));
      const error = await failWith("provider_rate_limited");
      expect(error.retryAfterSeconds).toBe(5);
    });

    it("maps 500 to provider_error", async () => {
      upstream.reply((_q, r) => sendJson(r, 500, { message: BODY_MARKER }));
      const error = await failWith("provider_error");
      expect(error.message).toContain("500");
    });

    it("maps a 502 HTML page to provider_error without the page", async () => {
      upstream.reply((_q, r) =>
        sendText(r, 502, `<html><body><h1>502 Bad Gateway</h1>${BODY_MARKER}</body></html>`, {
          "content-type": "text/html",
        }),
      );
      const error = await failWith("provider_error");
      expect(error.message).toContain("502");
    });

    it("maps a 200 with invalid JSON to provider_bad_response", async () => {
      upstream.reply((_q, r) =>
        sendText(r, 200, `{"status": "processing", ${BODY_MARKER}`, {
          "content-type": "application/json",
        }),
      );
      await failWith("provider_bad_response");
    });

    it("does not follow a redirect (the key would travel with it)", async () => {
      upstream.reply((request, r) =>
        request.url === "/elsewhere"
          ? sendJson(r, 200, {})
          : sendText(r, 302, "", { location: `${upstream.baseUrl}/elsewhere` }),
      );
      await failWith("provider_bad_response");
      expect(upstream.requests.map((request) => request.url)).not.toContain("/elsewhere");
      expect(upstream.requests).toHaveLength(1);
    });

    it("reports each call and the error it became, once", async () => {
      upstream.reply((_q, r) => sendJson(r, 500, { message: BODY_MARKER }));
      const { observer, calls, errors } = recordingObserver();
      await getBatchError(adapter, batchId, contextFor(upstream, apiKey, 2000, observer));
      expect(calls).toEqual([{ provider: adapter.id, outcome: "5xx" }]);
      expect(errors).toEqual([{ provider: adapter.id, code: "provider_error" }]);
    });

    it("reports an unreadable answer as provider_bad_response, once", async () => {
      upstream.reply((_q, r) => sendText(r, 200, "{", { "content-type": "application/json" }));
      const { observer, calls, errors } = recordingObserver();
      await getBatchError(adapter, batchId, contextFor(upstream, apiKey, 2000, observer));
      expect(calls.map((call) => call.outcome)).toEqual(upstream.requests.map(() => "2xx"));
      expect(errors).toEqual([{ provider: adapter.id, code: "provider_bad_response" }]);
    });

    it("reports a timeout as a call and an error", async () => {
      upstream.reply(() => undefined);
      const { observer, calls, errors } = recordingObserver();
      await getBatchError(adapter, batchId, contextFor(upstream, apiKey, 150, observer));
      expect(calls.map((call) => call.outcome)).toEqual(["timeout"]);
      expect(errors).toEqual([{ provider: adapter.id, code: "provider_timeout" }]);
    });

    it("gives up after timeoutMs with provider_timeout", async () => {
      upstream.reply(() => undefined);
      const started = Date.now();
      await failWith("provider_timeout", 150);
      expect(Date.now() - started).toBeLessThan(1500);
    });
  });
}
