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
import docsExample from "./fixtures/docs-example.json";
import forbidden from "./fixtures/forbidden-403.json";
import { bolnaAdapter } from "./index";

const API_KEY = "bolna_sendboard_sim";
const BATCH_ID = "00000000000000000000000000000016";

describe("bolna client", () => {
  let upstream: FakeUpstream;
  beforeAll(async () => {
    upstream = await startFakeUpstream();
  });
  afterAll(() => upstream.close());
  beforeEach(() => {
    upstream.requests.length = 0;
    upstream.reply((_request, response) => sendJson(response, 200, docsExample));
  });

  it("GETs /batches/{id} with a Bearer key and no cookie", async () => {
    const snapshot = await bolnaAdapter.getBatch(BATCH_ID, contextFor(upstream, API_KEY));
    expect(upstream.requests).toHaveLength(1);
    const [request] = upstream.requests;
    expect(request?.method).toBe("GET");
    expect(request?.url).toBe(`/batches/${BATCH_ID}`);
    expect(request?.headers.authorization).toBe(`Bearer ${API_KEY}`);
    expect(request?.headers.cookie).toBeUndefined();
    expect(snapshot).toMatchObject({
      provider: "bolna",
      batchId: BATCH_ID,
      updatedAt: null,
      progress: 1 / 7,
    });
  });

  it("percent-encodes the id", async () => {
    await bolnaAdapter.getBatch("a b", contextFor(upstream, API_KEY));
    expect(upstream.requests[0]?.url).toBe("/batches/a%20b");
  });

  it("maps Bolna's bad-key 403 {detail} to provider_auth_failed", async () => {
    upstream.reply((_q, r) => sendJson(r, 403, forbidden));
    const error = await getBatchError(bolnaAdapter, BATCH_ID, contextFor(upstream, API_KEY));
    expectSafeError(error, "provider_auth_failed", API_KEY);
    expect(error.message).not.toContain("Invalid API key");
  });
});

describeUpstreamFailures({
  adapter: bolnaAdapter,
  batchId: BATCH_ID,
  apiKey: API_KEY,
  notFoundBody: { message: "Batch not found" },
});

describeKeyCheck({
  adapter: bolnaAdapter,
  apiKey: API_KEY,
  path: "/user/me",
  authHeader: ["authorization", `Bearer ${API_KEY}`],
  okBody: { id: "7d1c2a9e", name: "Northwind", email: "ops@northwind.example" },
});
