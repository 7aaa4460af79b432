import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { sendJson, startFakeUpstream } from "../testing/fake-upstream";
import type { FakeUpstream } from "../testing/fake-upstream";
import { describeKeyCheck } from "../testing/key-check-cases";
import {
  contextFor,
  describeUpstreamFailures,
  expectSafeError,
  getBatchError,
} from "../testing/upstream-failure-cases";
import docs401 from "./fixtures/docs-401.json";
import docs404 from "./fixtures/docs-404.json";
import docsInProgress from "./fixtures/docs-in-progress.json";
import { mindoAdapter } from "./index";

const API_KEY = "mindo_sendboardsim";
const BATCH_ID = "00000000-0000-4000-8000-000000000002";

describe("mindo client", () => {
  let upstream: FakeUpstream;
  beforeAll(async () => {
    upstream = await startFakeUpstream();
  });
  afterAll(() => upstream.close());
  beforeEach(() => {
    upstream.requests.length = 0;
    upstream.reply((_request, response) => sendJson(response, 200, docsInProgress));
  });

  it("GETs the bulk send with its trailing slash and only the X-API-Key header", async () => {
    const snapshot = await mindoAdapter.getBatch(BATCH_ID, contextFor(upstream, API_KEY));
    expect(upstream.requests).toHaveLength(1);
    const [request] = upstream.requests;
    expect(request?.method).toBe("GET");
    expect(request?.url).toBe(`/api/v1/meta-templates/bulk-sends/${BATCH_ID}/`);
    expect(request?.headers["x-api-key"]).toBe(API_KEY);
    expect(request?.headers.authorization).toBeUndefined();
    expect(request?.headers.cookie).toBeUndefined();
    expect(snapshot).toMatchObject({
      provider: "mindo",
      batchId: BATCH_ID,
      state: "running",
      processed: 47,
    });
  });

  it("percent-encodes the id and still ends with a slash", async () => {
    await mindoAdapter.getBatch("a b", contextFor(upstream, API_KEY));
    expect(upstream.requests[0]?.url).toBe("/api/v1/meta-templates/bulk-sends/a%20b/");
  });

  it("maps the documented 404 body to not_found", async () => {
    upstream.reply((_q, r) => sendJson(r, 404, docs404));
    const error = await getBatchError(mindoAdapter, BATCH_ID, contextFor(upstream, API_KEY));
    expectSafeError(error, "not_found", API_KEY);
  });

  it("maps the documented Spanish 401 to provider_auth_failed without repeating it", async () => {
    upstream.reply((_q, r) => sendJson(r, 401, docs401));
    const error = await getBatchError(mindoAdapter, BATCH_ID, contextFor(upstream, API_KEY));
    expectSafeError(error, "provider_auth_failed", API_KEY);
    expect(error.message).not.toContain("requiere");
  });

  it("explains a 403 as a key without access to this bulk send", async () => {
    upstream.reply((_q, r) =>
      sendJson(r, 403, { error: "API Key no tiene acceso a este recurso" }),
    );
    const error = await getBatchError(mindoAdapter, BATCH_ID, contextFor(upstream, API_KEY));
    expectSafeError(error, "provider_auth_failed", API_KEY);
    expect(error.message).toMatch(/lacks permission/);
    expect(error.message).not.toContain("acceso");
  });
});

describeUpstreamFailures({
  adapter: mindoAdapter,
  batchId: BATCH_ID,
  apiKey: API_KEY,
  notFoundBody: docs404,
});

describeKeyCheck({
  adapter: mindoAdapter,
  apiKey: API_KEY,
  path: "/api/v1/business-accounts/",
  authHeader: ["x-api-key", API_KEY],
  okBody: { companyName: "Northwind", businessAccounts: [] },
});
