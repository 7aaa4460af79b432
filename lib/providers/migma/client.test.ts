import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { sendJson, startFakeUpstream } from "../testing/fake-upstream";
import type { FakeUpstream } from "../testing/fake-upstream";
import { describeKeyCheck, expectPlainResult, testContextFor } from "../testing/key-check-cases";
import {
  contextFor,
  describeUpstreamFailures,
  expectSafeError,
  getBatchError,
} from "../testing/upstream-failure-cases";
import docsExample from "./fixtures/docs-example.json";
import internalError from "./fixtures/success-false-internal.json";
import notFound from "./fixtures/success-false-not-found.json";
import { migmaAdapter } from "./index";

const API_KEY = "sk_test_sendboard_sim";

describe("migma client", () => {
  let upstream: FakeUpstream;
  beforeAll(async () => {
    upstream = await startFakeUpstream();
  });
  afterAll(() => upstream.close());
  beforeEach(() => {
    upstream.requests.length = 0;
    upstream.reply((_request, response) => sendJson(response, 200, docsExample));
  });

  it("GETs /v1/sending/batches/{id} with a Bearer key and no cookie", async () => {
    const snapshot = await migmaAdapter.getBatch("sim-running", contextFor(upstream, API_KEY));
    expect(upstream.requests).toHaveLength(1);
    const [request] = upstream.requests;
    expect(request?.method).toBe("GET");
    expect(request?.url).toBe("/v1/sending/batches/sim-running");
    expect(request?.headers.authorization).toBe(`Bearer ${API_KEY}`);
    expect(request?.headers.cookie).toBeUndefined();
    expect(request?.headers["x-api-key"]).toBeUndefined();
    expect(snapshot).toMatchObject({
      provider: "migma",
      batchId: "sim-running",
      state: "queued",
      total: 0,
    });
    expect(snapshot.fetchedAt).toBe("2025-06-01T12:00:00.000Z");
  });

  it("percent-encodes the id as one path segment", async () => {
    await migmaAdapter.getBatch("a b/../c?d", contextFor(upstream, API_KEY));
    expect(upstream.requests[0]?.url).toBe("/v1/sending/batches/a%20b%2F..%2Fc%3Fd");
  });

  it("treats HTTP 200 with success:false and a not-found code as not_found", async () => {
    upstream.reply((_q, r) => sendJson(r, 200, notFound));
    const error = await getBatchError(migmaAdapter, "sim-missing", contextFor(upstream, API_KEY));
    expectSafeError(error, "not_found", API_KEY);
  });

  it("treats HTTP 200 with success:false otherwise as provider_error", async () => {
    upstream.reply((_q, r) => sendJson(r, 200, internalError));
    const error = await getBatchError(migmaAdapter, "sim-running", contextFor(upstream, API_KEY));
    expectSafeError(error, "provider_error", API_KEY);
    expect(error.message).not.toContain("btch_7Hq2");
  });

  it("treats HTTP 200 with data null as provider_bad_response", async () => {
    upstream.reply((_q, r) => sendJson(r, 200, { success: true, data: null, error: null }));
    const error = await getBatchError(migmaAdapter, "sim-running", contextFor(upstream, API_KEY));
    expectSafeError(error, "provider_bad_response", API_KEY);
  });
});

describeUpstreamFailures({
  adapter: migmaAdapter,
  batchId: "sim-running",
  apiKey: API_KEY,
  notFoundBody: {
    success: false,
    error: "Batch not found",
    code: "NOT_FOUND",
    metadata: { requestId: "req_1" },
  },
});

describeKeyCheck({
  adapter: migmaAdapter,
  apiKey: API_KEY,
  path: "/v1/projects",
  authHeader: ["authorization", `Bearer ${API_KEY}`],
  okBody: { success: true, data: { projects: [], pagination: { total: 0 } }, error: null },
});

describe("migma testConnection with success:false", () => {
  let upstream: FakeUpstream;
  beforeAll(async () => {
    upstream = await startFakeUpstream();
  });
  afterAll(() => upstream.close());

  it("does not call a 200 with success:false a working key", async () => {
    upstream.reply((_q, r) => sendJson(r, 200, internalError));
    const result = await migmaAdapter.testConnection(testContextFor(upstream.baseUrl, API_KEY).context);
    expectPlainResult(result, false, API_KEY);
  });
});
