import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import type { ErrorCode } from "@/lib/errors";
import type { ProviderId } from "../provider-id";
import type { OperationContext } from "../types";
import { sendJson, sendText, startFakeUpstream } from "./fake-upstream";
import type { FakeUpstream } from "./fake-upstream";
import { recordingObserver } from "./recording-observer";
import { BODY_MARKER, contextFor, expectSafeError } from "./upstream-failure-cases";

export type OperationCase = {
  name: string;
  run: (context: OperationContext) => Promise<unknown>;
  /** Whether a 200 is read (a stop's 200 is taken as done whatever its body). */
  readsBody: boolean;
};

type Options = { provider: ProviderId; apiKey: string; operations: OperationCase[] };

export async function operationError(
  run: OperationCase["run"],
  context: OperationContext,
): Promise<AppError> {
  const outcome = await run(context).then(
    () => null,
    (error: unknown) => error,
  );
  if (!(outcome instanceof AppError))
    throw new Error(`expected an AppError, got ${String(outcome)}`);
  return outcome;
}

/** The failure mapping every new operation shares with getBatch, against a real local server. */
export function describeOperationFailures({ provider, apiKey, operations }: Options) {
  describe.each(operations)(`${provider} $name upstream failures`, ({ run, readsBody }) => {
    let upstream: FakeUpstream;
    beforeAll(async () => {
      upstream = await startFakeUpstream();
    });
    afterAll(() => upstream.close());
    beforeEach(() => {
      upstream.requests.length = 0;
    });

    const failWith = async (code: ErrorCode, timeoutMs?: number) => {
      const error = await operationError(run, contextFor(upstream, apiKey, timeoutMs));
      expectSafeError(error, code, apiKey);
      return error;
    };

    it.each([401, 403])(
      "maps HTTP %i to provider_auth_failed without echoing the body",
      async (status) => {
        upstream.reply((_q, r) =>
          sendJson(r, status, { error: BODY_MARKER, detail: BODY_MARKER, message: BODY_MARKER }),
        );
        expect((await failWith("provider_auth_failed")).message).toContain(String(status));
      },
    );

    it("maps 429 to provider_rate_limited and keeps Retry-After", async () => {
      upstream.reply((_q, r) => sendJson(r, 429, { message: BODY_MARKER }, { "retry-after": "5" }));
      expect((await failWith("provider_rate_limited")).retryAfterSeconds).toBe(5);
    });

    it("maps a 500 and a 502 HTML page to provider_error", async () => {
      upstream.reply((_q, r) => sendJson(r, 500, { message: BODY_MARKER }));
      await failWith("provider_error");
      upstream.reply((_q, r) =>
        sendText(r, 502, `<html><h1>502 Bad Gateway</h1>${BODY_MARKER}</html>`, {
          "content-type": "text/html",
        }),
      );
      expect((await failWith("provider_error")).message).toContain("502");
    });

    it("does not follow a redirect (the key would travel with it)", async () => {
      upstream.reply((request, r) =>
        request.url === "/elsewhere"
          ? sendJson(r, 200, [])
          : sendText(r, 302, "", { location: `${upstream.baseUrl}/elsewhere` }),
      );
      await failWith("provider_bad_response");
      expect(upstream.requests.map((request) => request.url)).not.toContain("/elsewhere");
    });

    if (readsBody)
      it("reports an unreadable 200 as provider_bad_response, once", async () => {
        upstream.reply((_q, r) =>
          sendText(r, 200, `{"results": ${BODY_MARKER}`, { "content-type": "application/json" }),
        );
        const { observer, errors } = recordingObserver();
        const error = await operationError(run, contextFor(upstream, apiKey, 2000, observer));
        expectSafeError(error, "provider_bad_response", apiKey);
        expect(errors).toEqual([{ provider, code: "provider_bad_response" }]);
      });

    it("reports each call, and a timeout as provider_timeout", async () => {
      upstream.reply(() => undefined);
      const { observer, calls, errors } = recordingObserver();
      const error = await operationError(run, contextFor(upstream, apiKey, 150, observer));
      expectSafeError(error, "provider_timeout", apiKey);
      expect(calls.map((call) => call.outcome)).toEqual(["timeout"]);
      expect(errors).toEqual([{ provider, code: "provider_timeout" }]);
    });
  });
}
