import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
// First: the mocks below are built from it, and the modules after it load the mocked ones.
import { addTeamUser, callRoute, mockedDatabaseModule, mockedEnvModule, mockedSessionModule, routeState as state, serveEnvConnectionsTo } from "@/lib/server/testing/route-harness";
import { startFakeSendGrid, type FakeSendGrid } from "@/lib/server/actions/test-support";
import { getPoller } from "@/lib/server/batches";
import { openTempDatabase } from "@/lib/server/testing/temp-database";
import { POST as WATCH } from "../../../../watched/route";
import { GET as BATCH } from "../route";
import { PUT as SEND_TIME } from "../send-time/route";
import { POST } from "./route";

vi.mock("@/lib/server/session", () => mockedSessionModule());
vi.mock("@/lib/server/db/database", async (original) => mockedDatabaseModule(await original()));
vi.mock("@/lib/server/env", async (original) => mockedEnvModule(await original()));

let sendGrid: FakeSendGrid;
let close: () => Promise<void>;
let n = 0;
let batchId = "";

beforeAll(async () => {
  sendGrid = await startFakeSendGrid();
  state.env = { SENDGRID_API_URL: sendGrid.upstream.baseUrl, SENDGRID_API_KEY: "SG.test-key.for-actions", UPSTREAM_TIMEOUT_MS: "2000" };
});
afterAll(async () => {
  getPoller().stop();
  await sendGrid.upstream.close();
});
beforeEach(async () => {
  const temp = await openTempDatabase();
  state.db = temp.db;
  close = temp.close;
  await serveEnvConnectionsTo(temp.db, "team-a");
  sendGrid.upstream.requests.length = 0;
  batchId = `route-test-${++n}-${Date.now()}`;
});
afterEach(async () => close());

const signIn = async (role: "admin" | "operator" | "member") => (state.user = await addTeamUser(state.db!, "team-a", `${role}-${n}@a.test`, role));
const act = (body: unknown, provider = "sendgrid") => callRoute(POST, { provider, batchId }, { method: "POST", body });

describe("POST /api/batches/{provider}/{batchId}/actions", () => {
  it("pauses for an operator: 200 with the batch as GET answers it, paused", async () => {
    await signIn("operator");
    const { status, json } = await act({ action: "pause" });
    expect(status).toBe(200);
    expect(json).toMatchObject({ provider: "sendgrid", batchId, state: "paused", polling: { connectionId: "env-sendgrid" } });
  });

  it("answers a member 403 with the error body, and calls nobody", async () => {
    await signIn("member");
    const { status, json } = await act({ action: "pause" });
    expect({ status, json }).toEqual({ status: 403, json: { error: { code: "forbidden", message: "You do not have permission to act on sends." } } });
    expect(sendGrid.upstream.requests).toHaveLength(0);
  });

  it("answers 400 for an unknown action or a field it does not know, and action_not_supported for one the provider lacks", async () => {
    await signIn("admin");
    expect((await act({ action: "delete" })).status).toBe(400);
    expect((await act({ action: "pause", force: true })).json).toMatchObject({ error: { code: "bad_request" } });
    expect(await act({ action: "stop" })).toMatchObject({ status: 400, json: { error: { code: "action_not_supported" } } });
    expect(sendGrid.upstream.requests).toHaveLength(0);
  });
});

describe("a SendGrid batch's send time", () => {
  it("given when watching the batch, a member edits it on the batch page; the batch shows it as scheduledAt", async () => {
    await signIn("member");
    const sendAt = new Date(Date.now() + 60 * 60_000).toISOString();
    expect((await callRoute(WATCH, {}, { method: "POST", body: { provider: "sendgrid", batchId, sendAt } })).status).toBe(201);
    expect((await callRoute(BATCH, { provider: "sendgrid", batchId })).json).toMatchObject({ state: "scheduled", scheduledAt: sendAt });

    const earlier = new Date(Date.now() - 60_000).toISOString();
    expect(await callRoute(SEND_TIME, { provider: "sendgrid", batchId }, { method: "PUT", body: { sendAt: earlier } })).toMatchObject({ status: 200, json: { sendAt: earlier } });
    // The answer waited for the poll with the new time: the next read shows it.
    expect((await callRoute(BATCH, { provider: "sendgrid", batchId })).json).toMatchObject({ state: "completed", scheduledAt: earlier });
  });

  it("is refused for a provider that reports its own, and for a time without an offset", async () => {
    await signIn("member");
    const sendAt = "2026-03-02T14:50:00Z";
    expect((await callRoute(WATCH, {}, { method: "POST", body: { provider: "migma", batchId: "sim-running", sendAt } })).json).toMatchObject({ error: { code: "bad_request", message: "Migma reports its own send times: Sendboard does not store one." } });
    expect((await callRoute(SEND_TIME, { provider: "sendgrid", batchId }, { method: "PUT", body: { sendAt: "2026-03-02T14:50:00" } })).status).toBe(400);
  });
});
