import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { afterBody, sendJson, sendText, startFakeUpstream } from "../testing/fake-upstream";
import type { FakeUpstream } from "../testing/fake-upstream";
import { describeOperationFailures, operationError } from "../testing/operation-failure-cases";
import { contextFor, expectSafeError } from "../testing/upstream-failure-cases";
import docsCreate from "./fixtures/docs-scheduled-send-create-201.json";
import docsList from "./fixtures/docs-scheduled-sends-list.json";
import tooLate from "./fixtures/scheduled-send-400-too-late.json";
import tooManyRequests from "./fixtures/docs-too-many-requests-429.json";
import { REFUSALS } from "./control-refusal";
import { sendGridAdapter } from "./index";

const API_KEY = "SG.sendboard-sim.key";
const BATCH_ID = "HkJ5yLYULb7Rj8GKSx7u025ouWVlMgAi";
const ONE = `/v3/user/scheduled_sends/${BATCH_ID}`;
const { listBatches, control } = sendGridAdapter;
if (!listBatches || !control)
  throw new Error("SendGrid lists held batches and pauses, resumes and cancels");

describe("sendgrid scheduled-send calls", () => {
  let upstream: FakeUpstream;
  let held: unknown[];
  const context = () => contextFor(upstream, API_KEY);
  const calls = () =>
    upstream.requests.map(
      (request) => `${request.method} ${request.url}${request.body ? ` ${request.body}` : ""}`,
    );
  beforeAll(async () => {
    upstream = await startFakeUpstream();
  });
  afterAll(() => upstream.close());
  beforeEach(() => {
    upstream.requests.length = 0;
    held = [];
    upstream.reply(
      afterBody((request, response) => {
        if (request.method === "GET")
          return sendJson(response, 200, request.url === ONE ? held : docsList);
        if (request.method === "POST") return sendJson(response, 201, docsCreate);
        sendText(response, 204, "");
      }),
    );
  });

  it("GETs every paused and cancelled batch with a Bearer key and no cookie", async () => {
    const page = await listBatches({}, context());
    expect(calls()).toEqual(["GET /v3/user/scheduled_sends"]);
    expect(upstream.requests[0]?.headers.authorization).toBe(`Bearer ${API_KEY}`);
    expect(upstream.requests[0]?.headers.cookie).toBeUndefined();
    expect(page.items.map((item) => item.state)).toEqual(["cancelled", "cancelled"]);
  });

  it("pauses a batch with no entry by POSTing {batch_id, status} as JSON", async () => {
    expect(await control(BATCH_ID, "pause", context())).toEqual({ kind: "done" });
    expect(calls()).toEqual([
      `GET ${ONE}`,
      `POST /v3/user/scheduled_sends {"batch_id":"${BATCH_ID}","status":"pause"}`,
    ]);
    expect(upstream.requests[1]?.headers["content-type"]).toBe("application/json");
  });

  it("switches a paused batch to cancelled with PATCH {status}", async () => {
    held = [{ batch_id: BATCH_ID, status: "pause" }];
    expect(await control(BATCH_ID, "cancel", context())).toEqual({ kind: "done" });
    expect(calls()).toEqual([`GET ${ONE}`, `PATCH ${ONE} {"status":"cancel"}`]);
  });

  it("reads a 404 for the entry as none", async () => {
    upstream.reply(
      afterBody((request, response) =>
        request.method === "GET"
          ? sendJson(response, 404, { errors: [{ field: null, message: "not found" }] })
          : sendJson(response, 201, docsCreate),
      ),
    );
    expect(await control(BATCH_ID, "cancel", context())).toEqual({ kind: "done" });
    expect(calls()[1]).toMatch(/^POST /);
  });

  it("refuses to pause a paused batch, or cancel a cancelled one, without a second call", async () => {
    held = [{ batch_id: BATCH_ID, status: "pause" }];
    expect(await control(BATCH_ID, "pause", context())).toEqual({
      kind: "refused",
      reason: "not_allowed",
      message: "The batch is already paused.",
    });
    held = [{ batch_id: BATCH_ID, status: "cancel" }];
    expect(await control(BATCH_ID, "cancel", context())).toEqual({
      kind: "refused",
      reason: "not_allowed",
      message: "The batch is already cancelled.",
    });
    expect(calls()).toEqual([`GET ${ONE}`, `GET ${ONE}`]);
  });

  it("resumes with DELETE, and says so when there was nothing to resume", async () => {
    expect(await control(BATCH_ID, "resume", context())).toEqual({ kind: "done" });
    expect(calls()).toEqual([`DELETE ${ONE}`]);
    upstream.reply((_q, r) =>
      sendJson(r, 404, { errors: [{ field: null, message: "batch id not found" }] }),
    );
    expect(await control(BATCH_ID, "resume", context())).toEqual({
      kind: "refused",
      reason: "not_allowed",
      message: REFUSALS.notHeld,
    });
  });

  it("maps SendGrid's 400 for a late pause to not_allowed in our words", async () => {
    upstream.reply((request, response) =>
      request.method === "GET" ? sendJson(response, 200, []) : sendJson(response, 400, tooLate),
    );
    expect(await control(BATCH_ID, "pause", context())).toEqual({
      kind: "refused",
      reason: "not_allowed",
      message: REFUSALS.tooLate,
    });
  });

  it("refuses stop as not_supported without a call", async () => {
    expect(await control(BATCH_ID, "stop", context())).toEqual({
      kind: "refused",
      reason: "not_supported",
      message: "SendGrid cannot stop a batch.",
    });
    expect(upstream.requests).toHaveLength(0);
  });

  it("takes the wait of a 429 from X-RateLimit-Reset, as for reads", async () => {
    const ctx = context();
    const reset = Math.floor(ctx.now.getTime() / 1000) + 30;
    upstream.reply((_q, r) =>
      sendJson(r, 429, tooManyRequests, { "x-ratelimit-reset": String(reset) }),
    );
    const error = await operationError((c) => control(BATCH_ID, "cancel", c), ctx);
    expectSafeError(error, "provider_rate_limited", API_KEY);
    expect(error.retryAfterSeconds).toBe(30);
  });
});

describeOperationFailures({
  provider: "sendgrid",
  apiKey: API_KEY,
  operations: [
    { name: "listBatches", run: (context) => listBatches({}, context), readsBody: true },
    { name: "control", run: (context) => control(BATCH_ID, "pause", context), readsBody: true },
  ],
});
