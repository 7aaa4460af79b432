import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { SessionUser } from "@/lib/server/people/sessions";
import { addTeamUser, callRoute, mockedDatabaseModule, mockedEnvModule, mockedSessionModule, routeState as state, serveEnvConnectionsTo } from "@/lib/server/testing/route-harness";
import { openTempDatabase, type TempDatabase } from "@/lib/server/testing/temp-database";
import { startWebhookReceiver, type ReceivedWebhook, type Receiver } from "@/scripts/lib/alert-receivers";
import { DELETE as DELETE_POINT } from "./contact-points/[id]/route";
import { POST as TEST_POINT } from "./contact-points/[id]/test/route";
import { GET as LIST_POINTS, POST as ADD_POINT } from "./contact-points/route";
import { GET as LIST_DELIVERIES } from "./deliveries/route";
import { DELETE as DELETE_RULE } from "./rules/[id]/route";
import { GET as LIST_RULES, POST as ADD_RULE } from "./rules/route";

vi.mock("@/lib/server/session", () => mockedSessionModule());
vi.mock("@/lib/server/db/database", async (original) => mockedDatabaseModule(await original()));
vi.mock("@/lib/server/env", async (original) => mockedEnvModule(await original()));

let temp: TempDatabase;
let admin: SessionUser;
let operator: SessionUser;
let stranger: SessionUser;
let receiver: Receiver<ReceivedWebhook>;
let secret: string | null = null;

beforeEach(async () => {
  temp = await openTempDatabase();
  state.db = temp.db;
  state.env = { ALERTS_ALLOW_PRIVATE_URLS: "1" };
  admin = await addTeamUser(temp.db, "team-a", "admin@a.test", "admin");
  operator = await addTeamUser(temp.db, "team-a", "operator@a.test", "operator");
  stranger = await addTeamUser(temp.db, "team-b", "admin@b.test", "admin");
  await serveEnvConnectionsTo(temp.db, "team-a");
  state.user = admin;
  receiver = await startWebhookReceiver(() => secret);
});
afterEach(async () => Promise.all([temp.close(), receiver.close()]));

const addWebhook = async () => {
  const created = await callRoute(ADD_POINT, {}, { method: "POST", body: { type: "webhook", name: "Ops", url: receiver.url } });
  secret = (created.json as { secret?: string }).secret ?? null;
  return created;
};

describe("contact point routes", () => {
  it("show a webhook's secret once, never the URL or the secret again, and store both encrypted", async () => {
    const created = await addWebhook();
    expect(created.status).toBe(201);
    expect(created.json).toMatchObject({ id: expect.any(String), secret: expect.stringMatching(/^whsec_/) });
    const list = await callRoute(LIST_POINTS, {});
    expect(list.json).toEqual({ items: [expect.objectContaining({ type: "webhook", name: "Ops", target: expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+\/…/) })] });
    expect(list.text).not.toContain("/hooks/sendboard");
    expect(list.text).not.toContain(secret!);
    const stored = JSON.stringify(await temp.db.selectFrom("alert_contact_points").selectAll().execute());
    expect(stored).not.toContain("/hooks/sendboard");
    expect(stored).not.toContain(secret!);
  });

  it("refuse a private URL without ALERTS_ALLOW_PRIVATE_URLS, a Slack URL off hooks.slack.com, and email without SMTP_URL", async () => {
    state.env = {};
    const privateUrl = await callRoute(ADD_POINT, {}, { method: "POST", body: { type: "webhook", name: "Ops", url: "https://10.0.0.5/hook" } });
    expect(privateUrl.status).toBe(400);
    expect(privateUrl.text).not.toContain("10.0.0.5");
    const slack = await callRoute(ADD_POINT, {}, { method: "POST", body: { type: "slack", name: "#ops", url: "https://example.com/services/x" } });
    expect(slack.status).toBe(400);
    const email = await callRoute(ADD_POINT, {}, { method: "POST", body: { type: "email", name: "Mail", to: "ops@example.com" } });
    expect(email.json).toMatchObject({ error: { code: "bad_request", message: expect.stringMatching(/SMTP_URL/) } });
  });

  it("send a signed test, log the attempt, and record it in the activity log", async () => {
    const { json } = await addWebhook();
    const id = (json as { id: string }).id;
    const test = await callRoute(TEST_POINT, { id }, { method: "POST" });
    expect(test.json).toEqual({ status: "delivered", attempts: 1, httpStatus: 200, error: null });
    expect(receiver.received).toHaveLength(1);
    expect(receiver.received[0]).toMatchObject({ verified: true, json: { type: "test" } });
    const deliveries = await callRoute(LIST_DELIVERIES, {}, { path: "/api/alerts/deliveries" });
    expect(deliveries.json).toMatchObject({ items: [{ contactPoint: { id, name: "Ops" }, type: "test", attempt: 1, status: "delivered", httpStatus: 200 }], nextCursor: null });
    const actions = (await temp.db.selectFrom("audit_events").select("action").orderBy("at").execute()).map((row) => row.action);
    expect(actions).toEqual(["contact_point.create", "contact_point.test"]);
  });

  it("are the admins': an operator is refused (and the attempt recorded), another team's id is not found", async () => {
    const { json } = await addWebhook();
    const id = (json as { id: string }).id;
    state.user = operator;
    expect((await callRoute(LIST_POINTS, {})).status).toBe(403);
    expect((await callRoute(ADD_POINT, {}, { method: "POST", body: { type: "webhook", name: "X", url: receiver.url } })).status).toBe(403);
    expect((await callRoute(DELETE_POINT, { id }, { method: "DELETE" })).status).toBe(403);
    state.user = stranger;
    expect((await callRoute(DELETE_POINT, { id }, { method: "DELETE" })).status).toBe(404);
    expect((await callRoute(TEST_POINT, { id }, { method: "POST" })).status).toBe(404);
    state.user = admin;
    expect((await callRoute(DELETE_POINT, { id }, { method: "DELETE" })).status).toBe(204);
    expect((await callRoute(LIST_POINTS, {})).json).toEqual({ items: [] });
    const refused = await temp.db.selectFrom("audit_events").select(["action", "outcome"]).where("outcome", "=", "refused").execute();
    expect(refused.map((row) => row.action).sort()).toEqual(["contact_point.create", "contact_point.remove"]);
  });

  it("refuse a state-changing request from another site", async () => {
    const crossSite = await callRoute(ADD_POINT, {}, { method: "POST", body: { type: "webhook", name: "Ops", url: receiver.url }, headers: { origin: "https://evil.example", "sec-fetch-site": "cross-site" } });
    expect(crossSite.status).toBe(403);
    expect(await temp.db.selectFrom("alert_contact_points").selectAll().execute()).toEqual([]);
  });
});

describe("rule routes", () => {
  it("create, list and delete rules for a batch, checking each kind's parameters", async () => {
    const { json } = await addWebhook();
    const contactPointIds = [(json as { id: string }).id];
    const made = await callRoute(ADD_RULE, {}, { method: "POST", body: { batch: { provider: "migma", batchId: "b-1" }, kind: "failure_share", threshold: 5, contactPointIds } });
    expect(made.status).toBe(201);
    const ruleId = (made.json as { id: string }).id;
    expect((await callRoute(LIST_RULES, {})).json).toEqual({
      items: [expect.objectContaining({ id: ruleId, boardId: null, batch: { provider: "migma", batchId: "b-1", connectionId: "env-migma" }, kind: "failure_share", threshold: 5, minutes: null, contactPointIds })],
    });
    const bad = [
      { batch: { provider: "migma", batchId: "b-1" }, kind: "failure_share", contactPointIds },
      { batch: { provider: "migma", batchId: "b-1" }, kind: "stalled", contactPointIds },
      { batch: { provider: "migma", batchId: "b-1" }, kind: "pause_window", minutes: 5, contactPointIds },
      { kind: "finished", contactPointIds },
      { batch: { provider: "migma", batchId: "b-1" }, kind: "finished", contactPointIds: [crypto.randomUUID()] },
    ];
    for (const body of bad) expect((await callRoute(ADD_RULE, {}, { method: "POST", body })).status).toBe(400);
    expect((await callRoute(DELETE_RULE, { id: ruleId }, { method: "DELETE" })).status).toBe(204);
    expect((await callRoute(LIST_RULES, {})).json).toEqual({ items: [] });
    const actions = (await temp.db.selectFrom("audit_events").select("action").where("action", "like", "alert_rule.%").orderBy("at").execute()).map((row) => row.action);
    expect(actions).toEqual(["alert_rule.create", "alert_rule.remove"]);
  });
});
