import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { sendJson, startFakeUpstream } from "../testing/fake-upstream";
import type { FakeUpstream } from "../testing/fake-upstream";
import { describeOperationFailures, operationError } from "../testing/operation-failure-cases";
import { recordingObserver } from "../testing/recording-observer";
import { contextFor, expectSafeError } from "../testing/upstream-failure-cases";
import agents from "./fixtures/agents-v2-all.json";
import docsBatchList from "./fixtures/docs-batch-list.json";
import docsExample from "./fixtures/docs-example.json";
import docsStop from "./fixtures/docs-stop.json";
import docsStop404 from "./fixtures/docs-stop-404.json";
import envelope from "./fixtures/executions-envelope.json";
import { bolnaAdapter } from "./index";

const API_KEY = "bolna_sendboard_sim";
const AGENT_ID = "3c90c3cc-0d44-4b50-8888-8dd25736052a";
const BATCH_ID = "3c90c3cc0d444b5088888dd25736052a";
const { listAgents, listAgentBatches, control, listRecipients } = bolnaAdapter;
if (!listAgents || !listAgentBatches || !control || !listRecipients)
  throw new Error("Bolna lists, stops and shows calls");

describe("bolna list, stop and execution calls", () => {
  let upstream: FakeUpstream;
  const context = () => contextFor(upstream, API_KEY);
  const calls = () => upstream.requests.map((request) => `${request.method} ${request.url}`);
  beforeAll(async () => {
    upstream = await startFakeUpstream();
  });
  afterAll(() => upstream.close());
  beforeEach(() => {
    upstream.requests.length = 0;
  });

  it("GETs /v2/agent/all, then /batches/{agent_id}/all, with a Bearer key and no cookie", async () => {
    upstream.reply((request, response) =>
      sendJson(response, 200, request.url === "/v2/agent/all" ? agents : docsBatchList),
    );
    const found = await listAgents(context());
    const page = await listAgentBatches(found[0]!.id, {}, context());
    expect(calls()).toEqual(["GET /v2/agent/all", `GET /batches/${AGENT_ID}/all`]);
    for (const request of upstream.requests) {
      expect(request.headers.authorization).toBe(`Bearer ${API_KEY}`);
      expect(request.headers.cookie).toBeUndefined();
    }
    expect(page.items.map((item) => item.batchId)).toEqual([
      "3c90c3cc0d444b5088888dd25736052a",
      "7b1f0a2e9c3d4e5f8a6b7c8d9e0f1a2b",
    ]);
  });

  it("says an unknown agent is not_found in words about agents", async () => {
    upstream.reply((_q, r) => sendJson(r, 404, { message: "Agent not found" }));
    const error = await operationError((c) => listAgentBatches("nope", {}, c), context());
    expectSafeError(error, "not_found", API_KEY);
    expect(error.message).toMatch(/no agent/);
  });

  it("POSTs /batches/{id}/stop with no body and calls it done", async () => {
    upstream.reply((_q, r) => sendJson(r, 200, docsStop));
    expect(await control(BATCH_ID, "stop", context())).toEqual({ kind: "done" });
    expect(calls()).toEqual([`POST /batches/${BATCH_ID}/stop`]);
    expect(upstream.requests[0]?.headers["content-type"]).toBeUndefined();
  });

  it("reads the documented 404 for a batch that exists as not_allowed", async () => {
    upstream.reply((request, response) =>
      request.method === "POST"
        ? sendJson(response, 404, docsStop404)
        : sendJson(response, 200, docsExample),
    );
    const result = await control(BATCH_ID, "stop", context());
    expect(result).toEqual({
      kind: "refused",
      reason: "not_allowed",
      message: expect.stringMatching(/only while it is queued or running/),
    });
    expect(calls()).toEqual([`POST /batches/${BATCH_ID}/stop`, `GET /batches/${BATCH_ID}`]);
    expect(JSON.stringify(result)).not.toContain("Batch is not queued");
  });

  it("reads the same 404 for a batch Bolna does not have as not_found", async () => {
    upstream.reply((request, response) =>
      request.method === "POST"
        ? sendJson(response, 404, docsStop404)
        : sendJson(response, 404, { message: "Batch not found" }),
    );
    expectSafeError(
      await operationError((c) => control(BATCH_ID, "stop", c), context()),
      "not_found",
      API_KEY,
    );
  });

  it("refuses pause, resume and cancel as not_supported without a call", async () => {
    for (const action of ["pause", "resume", "cancel"] as const) {
      expect(await control(BATCH_ID, action, context())).toEqual({
        kind: "refused",
        reason: "not_supported",
        message: `Bolna cannot ${action} a batch.`,
      });
    }
    expect(upstream.requests).toHaveLength(0);
  });

  it("GETs the executions with Bolna's paging parameters and follows has_more", async () => {
    upstream.reply((_q, r) => sendJson(r, 200, envelope));
    const page = await listRecipients(BATCH_ID, { pageSize: 2 }, context());
    expect(page.nextCursor).toBe("2");
    await listRecipients(BATCH_ID, { cursor: page.nextCursor, outcome: "failure" }, context());
    expect(calls()).toEqual([
      `GET /batches/${BATCH_ID}/executions?page_number=1&page_size=2`,
      `GET /batches/${BATCH_ID}/executions?page_number=2&page_size=50`,
    ]);
  });

  it("counts an unreadable executions body as one upstream error", async () => {
    upstream.reply((_q, r) => sendJson(r, 200, { data: "none" }));
    const { observer, errors } = recordingObserver();
    const error = await operationError(
      (c) => listRecipients(BATCH_ID, {}, c),
      contextFor(upstream, API_KEY, 2000, observer),
    );
    expectSafeError(error, "provider_bad_response", API_KEY);
    expect(errors).toEqual([{ provider: "bolna", code: "provider_bad_response" }]);
  });
});

describeOperationFailures({
  provider: "bolna",
  apiKey: API_KEY,
  operations: [
    { name: "listAgents", run: (context) => listAgents(context), readsBody: true },
    {
      name: "listAgentBatches",
      run: (context) => listAgentBatches(AGENT_ID, {}, context),
      readsBody: true,
    },
    { name: "control", run: (context) => control(BATCH_ID, "stop", context), readsBody: false },
    {
      name: "listRecipients",
      run: (context) => listRecipients(BATCH_ID, {}, context),
      readsBody: true,
    },
  ],
});
