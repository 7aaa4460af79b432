import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { sendJson, startFakeUpstream } from "../testing/fake-upstream";
import type { FakeUpstream } from "../testing/fake-upstream";
import {
  contextFor,
  describeUpstreamFailures,
  expectSafeError,
  getBatchError,
} from "../testing/upstream-failure-cases";
import invalidBatchId from "./fixtures/docs-invalid-batch-id-400.json";
import tooManyRequests from "./fixtures/docs-too-many-requests-429.json";
import { sendGridAdapter } from "./index";

const API_KEY = "SG.sendboard-sim.key";
const BATCH_ID = "sim-paused";

describe("sendgrid client", () => {
  let upstream: FakeUpstream;
  beforeAll(async () => {
    upstream = await startFakeUpstream();
  });
  afterAll(() => upstream.close());
  beforeEach(() => {
    upstream.requests.length = 0;
    upstream.reply((request, response) =>
      request.url?.startsWith("/v3/mail/batch/")
        ? sendJson(response, 200, { batch_id: BATCH_ID })
        : sendJson(response, 200, [{ batch_id: BATCH_ID, status: "pause" }]),
    );
  });

  it("validates the id, then reads its scheduled sends, both with a Bearer key and no cookie", async () => {
    const snapshot = await sendGridAdapter.getBatch(BATCH_ID, contextFor(upstream, API_KEY));
    expect(upstream.requests.map((request) => `${request.method} ${request.url}`)).toEqual([
      `GET /v3/mail/batch/${BATCH_ID}`,
      `GET /v3/user/scheduled_sends/${BATCH_ID}`,
    ]);
    for (const request of upstream.requests) {
      expect(request.headers.authorization).toBe(`Bearer ${API_KEY}`);
      expect(request.headers.cookie).toBeUndefined();
    }
    expect(snapshot).toMatchObject({
      provider: "sendgrid",
      batchId: BATCH_ID,
      state: "paused",
      providerStatus: "pause",
    });
  });

  it("percent-encodes the id in both calls", async () => {
    await sendGridAdapter.getBatch("a b", contextFor(upstream, API_KEY));
    expect(upstream.requests.map((request) => request.url)).toEqual([
      "/v3/mail/batch/a%20b",
      "/v3/user/scheduled_sends/a%20b",
    ]);
  });

  it("maps 400 'invalid batch id' to not_found without asking for scheduled sends", async () => {
    upstream.reply((_q, r) => sendJson(r, 400, invalidBatchId));
    const error = await getBatchError(sendGridAdapter, "sim-nope", contextFor(upstream, API_KEY));
    expectSafeError(error, "not_found", API_KEY);
    expect(upstream.requests).toHaveLength(1);
  });

  it("maps any other 400 to provider_error", async () => {
    upstream.reply((_q, r) =>
      sendJson(r, 400, { errors: [{ message: "bad request", field: null }] }),
    );
    const error = await getBatchError(sendGridAdapter, BATCH_ID, contextFor(upstream, API_KEY));
    expectSafeError(error, "provider_error", API_KEY);
  });

  it("reads a 404 from scheduled_sends as no pause or cancel", async () => {
    upstream.reply((request, response) =>
      request.url?.startsWith("/v3/mail/batch/")
        ? sendJson(response, 200, { batch_id: "sim-scheduled" })
        : sendJson(response, 404, { errors: [{ message: "not found", field: null }] }),
    );
    const snapshot = await sendGridAdapter.getBatch("sim-scheduled", contextFor(upstream, API_KEY));
    expect(snapshot.state).toBe("scheduled");
    expect(snapshot.providerStatus).toBeNull();
  });

  it("reads an empty scheduled_sends array as no pause or cancel", async () => {
    upstream.reply((request, response) =>
      request.url?.startsWith("/v3/mail/batch/")
        ? sendJson(response, 200, { batch_id: "x" })
        : sendJson(response, 200, []),
    );
    expect((await sendGridAdapter.getBatch("x", contextFor(upstream, API_KEY))).state).toBe(
      "scheduled",
    );
  });

  it("takes the wait from X-RateLimit-Reset (unix seconds) when a 429 has no Retry-After", async () => {
    const context = contextFor(upstream, API_KEY);
    const reset = Math.floor(context.now.getTime() / 1000) + 42;
    upstream.reply((_q, r) =>
      sendJson(r, 429, tooManyRequests, { "x-ratelimit-reset": String(reset) }),
    );
    const error = await getBatchError(sendGridAdapter, BATCH_ID, context);
    expectSafeError(error, "provider_rate_limited", API_KEY);
    expect(error.retryAfterSeconds).toBe(42);
    expect(error.message).toContain("42 s");
  });

  it("reports a 429 on the second call too", async () => {
    upstream.reply((request, response) =>
      request.url?.startsWith("/v3/mail/batch/")
        ? sendJson(response, 200, { batch_id: BATCH_ID })
        : sendJson(response, 429, tooManyRequests, { "retry-after": "7" }),
    );
    const error = await getBatchError(sendGridAdapter, BATCH_ID, contextFor(upstream, API_KEY));
    expectSafeError(error, "provider_rate_limited", API_KEY);
    expect(error.retryAfterSeconds).toBe(7);
  });
});

describeUpstreamFailures({
  adapter: sendGridAdapter,
  batchId: BATCH_ID,
  apiKey: API_KEY,
  notFoundBody: { errors: [{ message: "batch id not found", field: "null" }] },
});
