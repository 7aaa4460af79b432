import type { Kysely } from "kysely";
import { mockedDatabaseModule, mockedEnvModule, routeState, serveEnvConnectionsTo } from "@/lib/server/testing/route-harness";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { sendJson, type FakeUpstream } from "@/lib/providers/testing/fake-upstream";
import { storedEvents } from "@/lib/server/audit/test-support";
import { getPoller } from "@/lib/server/batches";
import type { Database } from "@/lib/server/db/schema";
import type { Actor } from "@/lib/server/security/permissions";
import { saveSendTime } from "@/lib/server/send-times";
import type { ServiceContext } from "@/lib/server/service-context";
import { openTempDatabase } from "@/lib/server/testing/temp-database";
import { controlBatch } from ".";
import { startFakeSendGrid, type FakeSendGrid } from "./test-support";

vi.mock("@/lib/server/db/database", async (original) => mockedDatabaseModule(await original()));
vi.mock("@/lib/server/env", async (original) => mockedEnvModule(await original()));

const writes = () => upstream.requests.filter((request) => request.method !== "GET");

let db: Kysely<Database>;
let close: () => Promise<void>;
const operator: Actor = { id: "u-op", teamId: "t1", role: "operator", email: "op@t1.test" };
const admin: Actor = { id: "u-admin", teamId: "t1", role: "admin", email: "admin@t1.test" };
const member: Actor = { id: "u-member", teamId: "t1", role: "member", email: "member@t1.test" };
const ctxOf = (actor: Actor): ServiceContext => ({ db, actor, address: "203.0.113.7" });
let batchNumber = 0;
let batchId = "";

let sendGrid: FakeSendGrid;
let upstream: FakeUpstream;
beforeAll(async () => {
  sendGrid = await startFakeSendGrid();
  upstream = sendGrid.upstream;
});
afterAll(async () => {
  getPoller().stop();
  await upstream.close();
});
beforeEach(async () => {
  routeState.env = { SENDGRID_API_URL: upstream.baseUrl, SENDGRID_API_KEY: "SG.test-key.for-actions", UPSTREAM_TIMEOUT_MS: "2000" };
  ({ db, close } = await openTempDatabase());
  routeState.db = db;
  await serveEnvConnectionsTo(db, "t1");
  upstream.requests.length = 0;
  sendGrid.answerWrites(null);
  // A batch of its own per test: the poller is one per process.
  batchNumber += 1;
  batchId = `actions-test-${batchNumber}-${Date.now()}`;
});
afterEach(async () => close());

const act = (actor: Actor, action: "pause" | "resume" | "cancel" | "stop", provider: "sendgrid" | "mindo" = "sendgrid") =>
  controlBatch(ctxOf(actor), { provider, batchId: provider === "mindo" ? "00000000-0000-4000-8000-000000000001" : batchId, connectionId: null, action });
const stateOf = (body: { json: string }) => (JSON.parse(body.json) as { state: string }).state;
const eventsOf = async () =>
  (await storedEvents(db)).map((event) => ({ action: event.action, outcome: event.outcome, actor: event.actor_email, target: event.target_id, details: event.details }));

describe("controlBatch", () => {
  it("pauses at the provider and answers with the batch polled again, recorded with the provider's answer", async () => {
    const body = await act(operator, "pause");
    expect(stateOf(body)).toBe("paused");
    expect(writes().map((request) => [request.method, request.url, request.body])).toEqual([
      ["POST", "/v3/user/scheduled_sends", JSON.stringify({ batch_id: batchId, status: "pause" })],
    ]);
    expect(await eventsOf()).toEqual([
      { action: "batch.pause", outcome: "ok", actor: operator.email, target: batchId, details: { provider: "sendgrid", result: "The provider accepted it." } },
    ]);
  });

  it("makes one provider call for two teammates acting at once; both get the new state, both are recorded", async () => {
    const [first, second] = await Promise.all([act(operator, "pause"), act(admin, "pause")]);
    expect(writes()).toHaveLength(1);
    expect([stateOf(first), stateOf(second)]).toEqual(["paused", "paused"]);
    const events = await eventsOf();
    expect(events.map((event) => [event.outcome, event.details.shared ?? false]).sort()).toEqual([["ok", false], ["ok", true]]);
  });

  it("answers a double click after the call from the first call's result, and a different action calls again", async () => {
    await act(operator, "pause");
    await act(operator, "pause");
    expect(writes()).toHaveLength(1);
    expect(stateOf(await act(operator, "resume"))).toBe("scheduled");
    expect(stateOf(await act(operator, "pause"))).toBe("paused");
    expect(writes().map((request) => request.method)).toEqual(["POST", "DELETE", "POST"]);
  });

  it("refuses members with 403, recorded as refused, without calling the provider", async () => {
    await expect(act(member, "pause")).rejects.toMatchObject({ code: "forbidden", status: 403 });
    expect(upstream.requests).toHaveLength(0);
    expect(await eventsOf()).toEqual([
      { action: "batch.pause", outcome: "refused", actor: member.email, target: batchId, details: { provider: "sendgrid" } },
    ]);
  });

  it("answers action_not_supported from the profile, without a call or a connection", async () => {
    await expect(act(operator, "stop")).rejects.toMatchObject({ code: "action_not_supported", status: 400, message: "SendGrid cannot stop a batch: it can pause, resume, cancel." });
    await expect(act(operator, "pause", "mindo")).rejects.toMatchObject({ code: "action_not_supported", message: "Mindo cannot pause a batch: it offers no batch actions." });
    expect(upstream.requests).toHaveLength(0);
    expect((await eventsOf()).map((event) => [event.action, event.outcome])).toEqual([["batch.stop", "refused"], ["batch.pause", "refused"]]);
  });

  it("refuses a pause within 10 minutes of a known send time with 409, before any call", async () => {
    await saveSendTime(db, { connectionId: "env-sendgrid", batchId }, new Date(Date.now() + 9 * 60_000).toISOString());
    await expect(act(operator, "pause")).rejects.toMatchObject({ code: "action_not_allowed", status: 409, message: expect.stringMatching(/^Too late to pause: SendGrid accepts a pause or cancel until 10 minutes before the send time/) });
    expect(upstream.requests).toHaveLength(0);
    expect(await eventsOf()).toMatchObject([{ action: "batch.pause", outcome: "refused", details: { reason: expect.stringMatching(/^Too late/) } }]);
  });

  it("tells the provider's own 400 in our words as 409, and the refusal is what a second click gets", async () => {
    sendGrid.answerWrites((response) => sendJson(response, 400, { errors: [{ field: null, message: "cannot pause or cancel a send less than 10 minutes before its send time" }] }));
    const refusal = { code: "action_not_allowed", status: 409, message: "SendGrid no longer accepts a pause or cancel less than 10 minutes before the send time." };
    await expect(act(operator, "pause")).rejects.toMatchObject(refusal);
    await expect(act(operator, "pause")).rejects.toMatchObject(refusal);
    expect(writes()).toHaveLength(1);
    expect((await eventsOf()).map((event) => event.outcome)).toEqual(["refused", "refused"]);
  });

  it("answers 502 for a provider failure, records it as failed, and lets a retry call again", async () => {
    sendGrid.answerWrites((response) => sendJson(response, 500, { errors: [{ message: "internal server error" }] }));
    await expect(act(operator, "cancel")).rejects.toMatchObject({ code: "provider_error", status: 502 });
    sendGrid.answerWrites(null);
    expect(stateOf(await act(operator, "cancel"))).toBe("cancelled");
    expect(writes()).toHaveLength(2);
    expect((await eventsOf()).map((event) => [event.outcome, event.details.code ?? null])).toEqual([["failed", "provider_error"], ["ok", null]]);
  });
});
